// The extension's details page (README.extension.md, packaged by `npm run
// package` through vsce --readme-path) stays true: its pictures ship in the
// .vsix and are linked relatively (the page then works offline), and every
// command and setting it names is one the extension has.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/corpus';

const PAGE = 'README.extension.md';
const read = (f: string) => fs.readFileSync(path.join(repoRoot, f), 'utf8');

describe('the extension’s details page', () => {
  const page = read(PAGE);
  const pkg = JSON.parse(read('package.json'));
  const zh: Record<string, string> = JSON.parse(read('package.nls.zh-cn.json'));

  it('is the page `npm run package` packs, with relative links kept', () => {
    assert.match(pkg.scripts.package, new RegExp(`vsce package .*--readme-path ${PAGE.replace('.', '\\.')}`));
    assert.match(pkg.scripts.package, /--no-rewrite-relative-links/);
  });

  it('is the only readme the .vsix holds (vsce writes it as readme.md; a README.md beside it is a clash the format refuses)', () => {
    const shipped = read('.vscodeignore').split('\n').map((l) => l.trim());
    const readmes = shipped.filter((l) => l.startsWith('!') && /^readme\.md$/i.test(path.basename(l.slice(1))));
    assert.deepStrictEqual(readmes, [], `.vscodeignore ships ${readmes.join(', ')}`);
  });

  it('shows pictures that exist, linked relatively, from a folder the .vsix holds', () => {
    const images = [...page.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 1, 'a screenshot');
    const shipped = read('.vscodeignore')
      .split('\n')
      .filter((l) => l.startsWith('!') && l.endsWith('/**'))
      .map((l) => l.slice(1, -2));
    for (const image of images) {
      assert.ok(!/^[a-z]+:/i.test(image), `${image}: relative, so that the page works without the network`);
      assert.ok(fs.statSync(path.join(repoRoot, image)).size > 10000, `${image} exists`);
      assert.ok(shipped.some((dir) => image.startsWith(dir)), `${image} is under a folder .vscodeignore ships (${shipped.join(', ')})`);
    }
  });

  it('names only commands and settings the extension has', () => {
    const titles = new Set((pkg.contributes.commands as Array<{ title: string }>).map((c) => zh[c.title.replace(/^%|%$/g, '')]));
    const named = [...page.matchAll(/“讲稿助手：([^”]+)”/g)].flatMap((m) => m[1].split(' / ').map((t) => t.trim()));
    assert.ok(named.length >= 5, named.join(' | '));
    for (const title of named) assert.ok(titles.has(title), `“${title}” is not a command title: ${[...titles].join(' | ')}`);
    const keys = new Set(
      (pkg.contributes.configuration as Array<{ properties: Record<string, unknown> }>).flatMap((group) => Object.keys(group.properties)),
    );
    const settings = [...new Set([...page.matchAll(/`(speechDraft\.[A-Za-z.]+)`/g)].map((m) => m[1]))];
    assert.ok(settings.length >= 5, settings.join(' '));
    for (const key of settings) assert.ok(keys.has(key), `${key} is not a setting`);
  });
});
