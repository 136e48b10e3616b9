// The exported .docx as a printer sees it: LibreOffice (headless) turns it
// into a PDF whose page count is what 22 lines of 28 characters give for the
// text (±1 page); page 1 is rendered for a reviewer under test/e2e/screenshots/.

import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildModel } from '../../server/src/core';
import { paragraphsOf } from '../../server/src/export/docx';
import { DEFAULT_LAYOUT } from '../../server/src/export/layout';
import { publishedFiles, readCorpus, repoRoot, requireCorpus } from '../helpers/corpus';
import { skipBecause } from '../helpers/skip';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const shots = path.join(repoRoot, 'test', 'e2e', 'screenshots');

function have(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Width of a text in character cells: Latin letters, digits and spaces take half a cell. */
function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return n;
}

/** Pages the layout gives: each paragraph's lines (two cells of indent for body text), 22 lines a page. */
function expectedPages(text: string): number {
  const { charsPerLine, linesPerPage, bodySizePt, titleSizePt } = DEFAULT_LAYOUT;
  let lines = 0;
  for (const p of paragraphsOf(buildModel(text), DEFAULT_LAYOUT)) {
    const width = cells(p.runs.map((r) => r.text).join(''));
    if (p.role === 'title') lines += Math.max(1, Math.ceil(width / Math.floor((charsPerLine * bodySizePt) / titleSizePt)));
    else if (p.role === 'date' || p.role === 'salutation') lines += Math.max(1, Math.ceil(width / charsPerLine));
    else lines += Math.max(1, Math.ceil((width + 2) / charsPerLine));
  }
  return Math.ceil(lines / linesPerPage);
}

function exportAndConvert(name: string, text: string): { pages: number; pdf: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-pdf-'));
  const draft = path.join(dir, `${name}.txt`);
  fs.writeFileSync(draft, text);
  execFileSync(process.execPath, [cli, 'export', '--force', draft], { stdio: 'pipe' });
  const docx = path.join(dir, `${name}.docx`);
  assert.ok(fs.existsSync(docx));
  // A profile of its own, so that runs at the same time do not wait on each other.
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120000 });
  const pdf = path.join(dir, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), pdf };
}

describe('Word export through LibreOffice', function () {
  this.timeout(240000);
  before(function () {
    if (!have('soffice') || !have('pdfinfo')) {
      skipBecause(this, 'LibreOffice (libreoffice-writer) or poppler-utils is not installed; .ci/run installs them');
    }
    fs.mkdirSync(shots, { recursive: true });
  });

  it('converts the clean example to a PDF of the pages its text needs, and renders page 1', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'examples', 'clean-draft.speech'), 'utf8');
    const { pages, pdf } = exportAndConvert('clean-draft', text);
    const expected = expectedPages(text);
    assert.ok(Math.abs(pages - expected) <= 1, `${pages} pages, expected about ${expected}`);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(shots, 'export-clean-draft-page1')]);
    assert.ok(fs.statSync(path.join(shots, 'export-clean-draft-page1.png')).size > 1000);
  });

  it('converts a published speech with the page count 22 lines of 28 characters give', function () {
    const dir = requireCorpus(this);
    const file = publishedFiles(dir).find((f) => f.includes('/03-'))!;
    const text = readCorpus(dir, file);
    const { pages, pdf } = exportAndConvert('published-03', text);
    const expected = expectedPages(text);
    assert.ok(Math.abs(pages - expected) <= 1, `${pages} pages, expected about ${expected}`);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(shots, 'export-published-03-page1')]);
  });
});
