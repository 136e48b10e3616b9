// `npm run bench`: Speech Draft against the tools a writer would otherwise
// run, on the same drafts, in the same process and run. Prints one table and
// writes bench/results.json.

import { statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { draftOfSize, repo, sourceTexts } from './drafts.mjs';
import { bundleLoadTimes } from './activation.mjs';
import { benchHostile, hostileRows } from './hostile.mjs';
import { benchCodeActions, benchServer } from './lsp.mjs';
import { benchWord } from './word.mjs';
import { loadPeers } from './peers.mjs';
import { ms, timeInRounds, timeIt } from './stats.mjs';
import { firstChecks, ruleSets, wordingDataBytes, warmEditWith } from './wording.mjs';

const log = (...a) => console.error('[bench]', ...a);
const require = createRequire(join(repo, 'package.json'));
const core = require(join(repo, 'out', 'server', 'src', 'core', 'index.js'));

const SIZES = [10_000, 100_000, 1_000_000];
const RUNS = { 10_000: 50, 100_000: 50, 1_000_000: 10 };

const { from, texts } = sourceTexts();
const drafts = new Map(SIZES.map((n) => [n, draftOfSize(texts, n)]));
log(`drafts from the ${from}: ${[...drafts.values()].map((d) => d.length).join(', ')} characters`);
const peers = await loadPeers(log);

const rules = ruleSets(core);
const tools = {
  'speech-draft': (text) => core.checkText(text, { rules: rules.without }),
  'speech-draft + wording rules': (text) => core.checkText(text, { rules: rules.with }),
  'autocorrect-node': peers.autocorrect,
  markdownlint: peers.markdownlint,
};

const check = {};
for (const [size, text] of drafts) {
  check[size] = timeInRounds(Object.fromEntries(Object.entries(tools).map(([name, run]) => [name, () => run(text)])), { runs: RUNS[size] });
  for (const name of Object.keys(tools)) log(`${name} on ${size}: median ${ms(check[size][name].median)} ms`);
}
// After an edit, with the caches of the previous check (what the editor does).
const warm = {};
for (const [size, text] of drafts) {
  const checker = new core.Checker({ rules: rules.without });
  checker.check(text);
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  let i = 0;
  warm[size] = timeIt(() => checker.check(text.slice(0, mid) + (i++ % 2 ? '的' : '') + text.slice(mid)), { runs: RUNS[size] * 2 });
}

const warmWording = {};
for (const [size, text] of drafts) warmWording[size] = warmEditWith(core, rules.with, text, RUNS[size] * 2);
log('first checks in fresh processes, with and without the wording rules…');
const first = firstChecks(drafts.get(100_000));

log('language server over stdio…');
const lsp = await benchServer(drafts);
log('hostile drafts (issue 18)…');
const hostile = benchHostile(log);
log('a 200-page Word draft…');
const word = await benchWord();
log('code actions at the cursor on 113,000 characters of half-width commas…');
lsp.codeActions = await benchCodeActions(draftOfSize(texts, 113_000));
const loadMs = bundleLoadTimes();
const sizes = Object.fromEntries(['server.js', 'client.js', 'languageClient.js', 'regexEngine.js', 'word.js'].map((f) => [f, statSync(join(repo, 'dist', f)).size]));

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memory: totalmem(), node: process.version },
  draftsFrom: from,
  check,
  warmEdit: warm,
  lsp,
  hostile,
  word,
  warmEditWithWording: warmWording,
  firstCheck100k: first,
  wordingDataBytes: wordingDataBytes(),
  bundleBytes: sizes,
  bundleLoadMs: loadMs,
};
writeFileSync(join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');

// The table.
const rows = [['draft', 'tool', 'median ms', 'p10–p90 ms', '× ours']];
for (const size of SIZES) {
  const ours = check[size]['speech-draft'].median;
  for (const name of Object.keys(tools)) {
    const s = check[size][name];
    rows.push([size.toLocaleString('en'), name, ms(s.median), `${ms(s.p10)}–${ms(s.p90)}`, name === 'speech-draft' ? '1' : (s.median / ours).toFixed(1)]);
  }
  rows.push([size.toLocaleString('en'), 'speech-draft after a 1-char edit', ms(warm[size].median), `${ms(warm[size].p10)}–${ms(warm[size].p90)}`, '']);
  const ww = warmWording[size];
  rows.push([size.toLocaleString('en'), '+ wording rules, after a 1-char edit', ms(ww.median), `${ms(ww.p10)}–${ms(ww.p90)}`, '']);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
const line = (r) => '| ' + r.map((v, c) => String(v).padEnd(widths[c])).join(' | ') + ' |';
console.log(line(rows[0]));
console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
for (const r of rows.slice(1)) console.log(line(r));
console.log('');
console.log(`language server: cold start ${ms(lsp.coldStartMs)} ms; open 100,000 characters → diagnostics ${ms(lsp.openToDiagnosticsMs)} ms;`);
console.log(`  1-char edit → diagnostics median ${ms(lsp.edit.median)} ms, p95 ${ms(lsp.edit.p95)} ms (${lsp.edit.runs} edits); outline request median ${ms(lsp.outline.median)} ms;`);
console.log(`  resident memory with all drafts open ${(lsp.rssBytes / 2 ** 20).toFixed(0)} MB`);
const wt = word.times;
console.log(`Word: a 200-page .docx (${(word.docxBytes / 1024).toFixed(0)} KB, ${word.chars.toLocaleString('en')} characters): read + check median ${ms(wt['read .docx + check'].median)} ms (read ${ms(wt['read .docx'].median)} ms) vs ${ms(wt['check as text'].median)} ms as text; ${word.comments} comments written in ${ms(wt.annotate.median)} ms`);
const ca = lsp.codeActions;
console.log(`  code action at the cursor, ${ca.chars.toLocaleString('en')} characters with ${ca.commas.toLocaleString('en')} half-width commas (${ca.findings.toLocaleString('en')} findings):`);
console.log(`    median ${ms(ca.cursor.median)} ms, max ${ms(ca.cursor.max)} ms (${ca.cursor.runs} cursor moves); resolving its fix-all (${ca.resolvedEdits.toLocaleString('en')} edits) ${ms(ca.resolveMs)} ms`);
const kb = (f) => `${(sizes[f] / 1024).toFixed(0)} KB`;
console.log(`bundles: server ${kb('server.js')}, client ${kb('client.js')} (+ ${kb('languageClient.js')} of vscode-languageclient, loaded when the first draft opens; + ${kb('regexEngine.js')} of re2js, loaded when a config holds placeholder patterns; + ${kb('word.js')} of the Word reader, loaded when a .docx comes)`);
console.log(`loading a bundle (fresh process, median): client ${ms(loadMs['client.js'].median)} ms, vscode-languageclient ${ms(loadMs['languageClient.js'].median)} ms`);
console.log('');
const hostileTable = [['hostile input (issue 18)', 'what', 'median ms'], ...hostileRows(hostile)];
const hw = hostileTable[0].map((_, c) => Math.max(...hostileTable.map((r) => String(r[c]).length)));
const hline = (r) => '| ' + r.map((v, c) => String(v).padEnd(hw[c])).join(' | ') + ' |';
console.log(hline(hostileTable[0]));
console.log('| ' + hw.map((w) => '-'.repeat(w)).join(' | ') + ' |');
for (const r of hostileTable.slice(1)) console.log(hline(r));
const mb = (b) => (b / 2 ** 20).toFixed(1);
console.log(
  `wording rules: first check of 100,000 characters in a fresh process ${ms(first.with.ms.median)} ms with them, ${ms(first.without.ms.median)} ms without ` +
    `(+${ms(first.with.ms.median - first.without.ms.median)} ms, the typo data's load included); resident memory after it +${mb(first.with.rss.median - first.without.rss.median)} MB; ` +
    `dist/wording-data.bin ${(wordingDataBytes() / 1024).toFixed(0)} KB`,
);
console.log(`machine: ${results.machine.cpus} × ${results.machine.model}, Node.js ${process.version}`);
