// Finds the messages the code uses: t('…'), l10n.t('…'), bothLanguages('…'),
// message('…'), bilingual('…'), new PartError(code, '…') and the like, so that a test can ask for their translations.

import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './corpus';

const CALL = /(?:\b(?:t|l10n\.t|bothLanguages|bilingual|why|zh|en|message)\(|\bproblem\((?:[^,()]|\([^)]*\))+,|\bPartError\('[\w-]+',)\s*'((?:[^'\\]|\\.)*)'/g;

/** Message -> first file that uses it, in the sources under `root`. */
export function usedMessages(dirs = ['server/src', 'client/src'], root = repoRoot): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(CALL)) {
          const msg = m[1].replace(/\\'/g, "'");
          if (!out.has(msg)) out.set(msg, path.relative(root, p));
        }
      }
    }
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  return out;
}

export function zhCnBundle(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
}

// `node out/test/helpers/l10nScan.js` lists what is missing.
if (require.main === module) {
  const bundle = zhCnBundle();
  for (const [m, f] of usedMessages()) if (!(m in bundle)) console.log(`${f}\t${m}`);
}
