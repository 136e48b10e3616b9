// VS Code in Chinese, as the writers run it: code-server stays in English with
// `--locale zh-cn` alone, and Microsoft's zh-hans pack cannot be downloaded
// here. An empty zh-cn language pack (made here, packaged with vsce, installed
// with --install-extension) and `languagepacks.json` in the user-data folder
// make the UI language zh-cn: VS Code's own strings stay English (the pack is
// empty), the extension's are Chinese (package.nls.zh-cn.json,
// l10n/bundle.l10n.zh-cn.json). See ../shared/docs/real-vscode.md.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PUBLISHER = 'speech-draft-e2e';
const NAME = 'zh-cn-empty-language-pack';
const VERSION = '0.0.1';
export const LOCALE = 'zh-cn';

/** Makes the pack's .vsix in `dir`; returns its path. */
function packLanguagePack(dir) {
  const src = join(dir, 'language-pack');
  mkdirSync(join(src, 'translations'), { recursive: true });
  writeFileSync(
    join(src, 'package.json'),
    JSON.stringify({
      name: NAME,
      publisher: PUBLISHER,
      version: VERSION,
      displayName: 'Empty zh-cn language pack (Speech Draft tests)',
      description: 'Makes the UI language zh-cn for the tests; translates nothing.',
      license: 'MIT',
      engines: { vscode: '^1.100.0' },
      categories: ['Language Packs'],
      files: ['translations', 'README.md', 'LICENSE'],
      contributes: {
        localizations: [
          {
            languageId: LOCALE,
            languageName: 'Chinese Simplified',
            localizedLanguageName: '中文(简体)',
            translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
          },
        ],
      },
    }),
  );
  writeFileSync(join(src, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(src, 'README.md'), 'An empty zh-cn language pack, made by the Speech Draft tests.\n');
  writeFileSync(join(src, 'LICENSE'), 'MIT\n');
  const vsix = join(dir, `${NAME}.vsix`);
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: src, stdio: ['ignore', 'ignore', 'inherit'] });
  return vsix;
}

/**
 * Installs the pack into `extensionsDir` with code-server's own installer and
 * writes `languagepacks.json` into `userDataDir`; start code-server with `--locale zh-cn` afterwards.
 */
export function installChineseLanguagePack({ entry, root, extensionsDir, userDataDir, log }) {
  const vsix = packLanguagePack(root);
  execFileSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  const installed = join(extensionsDir, `${PUBLISHER}.${NAME}-${VERSION}`);
  const translations = join(installed, 'translations', 'main.i18n.json');
  if (!existsSync(translations)) throw new Error(`the language pack did not install into ${installed}`);
  writeFileSync(
    join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [LOCALE]: {
        hash: 'speech-draft-e2e',
        label: '中文(简体)',
        extensions: [{ extensionIdentifier: { id: `${PUBLISHER}.${NAME}` }, version: VERSION }],
        translations: { vscode: translations },
      },
    }),
  );
  log?.('VS Code runs in zh-cn (an empty language pack made by the test, languagepacks.json, --locale zh-cn)');
}
