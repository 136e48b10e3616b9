// `npm run bench`: Speech Draft against the tools a writer would otherwise
// run, on the same drafts, in the same process and run; then the language
// server over stdio against a trivial one. Prints the tables and writes
// bench/results.json. BENCH_REPO=<checkout> times another build (compiled and
// built) with this bench, for a before/after in one run's conditions.

import { statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { build, distinctDraftOfSize, distinctShare, draftOfSize, repo, sourceTexts } from './drafts.mjs';
import { bundleLoadTimes } from './activation.mjs';
import { benchHostile, hostileRows } from './hostile.mjs';
import { benchCodeActions, benchServer } from './lsp.mjs';
import { benchWord } from './word.mjs';
import { loadPeers } from './peers.mjs';
import { ms, timeInRounds, timeIt } from './stats.mjs';
import { firstChecks, ruleSets, wordingDataBytes } from './wording.mjs';

const log = (...a) => console.error('[bench]', ...a);
const require = createRequire(join(repo, 'package.json'));
const core = require(join(build, 'out', 'server', 'src', 'core', 'index.js'));

const SIZES = [10_000, 100_000, 1_000_000];
/** BENCH_QUICK=1: fewer runs everywhere, for a quick look (the figures are noisier). */
const QUICK = !!process.env.BENCH_QUICK;
const RUNS = QUICK ? { 10_000: 10, 100_000: 10, 1_000_000: 3 } : { 10_000: 50, 100_000: 50, 1_000_000: 10 };

const { from, texts } = sourceTexts();
const drafts = new Map(SIZES.map((n) => [n, distinctDraftOfSize(texts, n)]));
log(`drafts from the ${from}: ${[...drafts.values()].map((d) => `${d.length} characters (${(distinctShare(d) * 100).toFixed(0)}% in distinct lines)`).join(', ')}`);
const peers = await loadPeers(log);

const rules = ruleSets(core, build);
const tools = {
  'speech-draft': (text) => core.checkText(text, { rules: rules.without }),
  'speech-draft + wording rules': (text) => core.checkText(text, { rules: rules.with }),
  'autocorrect-node': peers.autocorrect,
  markdownlint: peers.markdownlint,
};

const check = {};
for (const [size, text] of drafts) {
  // Warm-up by volume: thirty runs of a short draft, three of the longest (thirty of markdownlint on 1,000,000 would be minutes).
  const warmup = QUICK ? 2 : size >= 1_000_000 ? 3 : 30;
  check[size] = timeInRounds(Object.fromEntries(Object.entries(tools).map(([name, run]) => [name, () => run(text)])), { runs: RUNS[size], warmup });
  for (const name of Object.keys(tools)) log(`${name} on ${size}: median ${ms(check[size][name].median)} ms`);
}

/**
 * A one-character edit in prose near the middle that changes no finding: a
 * character typed over another (要 → 应) and back, so that the draft's length,
 * which the speech-length finding states, stays the same. Checked, not
 * assumed, with a checker that keeps its caches (each candidate costs what it
 * changes).
 */
function quietEdit(text, from = '要', to = '应') {
  const checker = new core.Checker();
  const key = (t) => checker.check(t).findings.map((f) => `${f.rule} ${f.span.start} ${f.message}`).join('\n');
  const before = key(text);
  for (let at = text.indexOf(from, Math.floor(text.length / 2)); at >= 0; at = text.indexOf(from, at + 200)) {
    if (key(text.slice(0, at) + to + text.slice(at + 1)) === before) return { at, from, to };
  }
  throw new Error('no quiet place to type');
}
const typedOver = (text, q) => text.slice(0, q.at) + q.to + text.slice(q.at + 1);

// After an edit, with the state of the previous check (what the editor does), without and with the wording rules.
const warm = {};
const warmWording = {};
for (const [size, text] of drafts) {
  const q = quietEdit(text);
  const edited = typedOver(text, q);
  // The change as an editor sends it (typed over, then back), so that the edit path is timed, not a full check from the caches.
  const there = [{ start: q.at, end: q.at + 1, text: q.to }];
  const back = [{ start: q.at, end: q.at + 1, text: q.from }];
  for (const [into, set] of [[warm, rules.without], [warmWording, rules.with]]) {
    const checker = new core.Checker({ rules: set });
    checker.check(text);
    let i = 0;
    into[size] = timeIt(() => (i++ % 2 ? checker.check(text, back) : checker.check(edited, there)), { runs: RUNS[size] * 2, warmup: QUICK ? 4 : 30 });
  }
}
log('first checks in fresh processes, with and without the wording rules…');
const first = firstChecks(drafts.get(100_000), build);

// The language server's drafts: distinct ones, a 100,000-character draft with about 900 findings, a paste, a section.
const d100k = drafts.get(100_000);
const d1m = drafts.get(1_000_000);
const d2m = distinctDraftOfSize(texts, 2_000_000);
const variants100k = Array.from({ length: 15 }, (_, i) => distinctDraftOfSize(texts, 100_000, i + 1));
/** Every `step`-th full-width comma of the draft typed half-width. */
const halfWidth = (text, step) => {
  let n = 0;
  return text.replace(/，/g, (c) => (n++ % step === 0 ? ',' : c));
};
// The step whose draft gives the editor about 900 diagnostics (a paragraph's many marks are one, as the server shows them).
const shownCount = (text) => {
  const r = core.checkText(text);
  return core.groupFindings(r.findings, r.model, core.translator('zh-cn')).length;
};
let step = 2;
let bestGap = Infinity;
for (let k = 2; k <= 40; k++) {
  const gap = Math.abs(shownCount(halfWidth(d100k, k)) - 900);
  if (gap < bestGap) [step, bestGap] = [k, gap];
}
const comma100k = halfWidth(d100k, step);
const comma1m = halfWidth(d1m, 1);
const pasteText = distinctDraftOfSize(texts, 10_000, 99);
const pasteAt = d1m.indexOf('\n\n', Math.floor(d1m.length / 2)) + 2;
const headingLine = /\n[一二三四五六七八九十]+、/g;
headingLine.lastIndex = Math.floor(d1m.length / 2);
const sectionStart = headingLine.exec(d1m).index + 1;
const sectionEnd = headingLine.exec(d1m).index + 1;
log(`language server over stdio (section deleted: ${sectionEnd - sectionStart} characters; comma draft: every ${step}th comma half-width)…`);
const lsp = await benchServer(
  {
    d100k,
    d1m,
    d2m,
    variants100k,
    comma100k,
    comma1m,
    quick: QUICK,
    paste: { at: pasteAt, text: pasteText },
    section: { start: sectionStart, end: sectionEnd },
    quiet: { d100k: quietEdit(d100k), d1m: quietEdit(d1m), comma100k: quietEdit(comma100k) },
  },
  log,
);
log('hostile drafts (issue 18)…');
const hostile = benchHostile(log);
log('a 200-page Word draft…');
const word = await benchWord();
log('code actions at the cursor on 113,000 characters of half-width commas…');
lsp.codeActions = await benchCodeActions(draftOfSize(texts, 113_000));
const loadMs = bundleLoadTimes();
const sizes = Object.fromEntries(['server.js', 'client.js', 'languageClient.js', 'regexEngine.js', 'word.js'].map((f) => [f, statSync(join(build, 'dist', f)).size]));

const results = {
  date: new Date().toISOString(),
  build,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memory: totalmem(), node: process.version, loadAverage: loadavg() },
  draftsFrom: from,
  check,
  warmEdit: warm,
  warmEditWithWording: warmWording,
  lsp,
  hostile,
  word,
  firstCheck100k: first,
  wordingDataBytes: wordingDataBytes(build),
  bundleBytes: sizes,
  bundleLoadMs: loadMs,
};
writeFileSync(join(repo, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => '| ' + r.map((v, c) => String(v).padEnd(widths[c])).join(' | ') + ' |';
  console.log(line(rows[0]));
  console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
  for (const r of rows.slice(1)) console.log(line(r));
}

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
table(rows);
console.log('');

const x = (a, b) => `${(a / b).toFixed(1)}×`;
const mb = (b) => (b / 2 ** 20).toFixed(0);
const kbOf = (b) => `${(b / 1024).toFixed(0)} KB`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const c100k = check[100_000];
const vsAutocorrect = c100k['autocorrect-node'].median / c100k['speech-draft + wording rules'].median;
const l = lsp;
const steady = l.steadyOpen100k.median;
// [row, median, p95, target, gives, PASS/MISS]
const lspRows = [
  ['row (language server over stdio: pulled diagnostics, debounce 0)', 'median ms', 'p95 ms', 'target', 'gives', ''],
  ['full check of 100,000 characters, all rules (wording included) vs autocorrect-node lintFor', ms(c100k['speech-draft + wording rules'].median), '', '≥ 3× (issue 16), ≥ 5× (issue 17)', `${vsAutocorrect.toFixed(1)}× faster`, `${verdict(vsAutocorrect >= 3)} / ${verdict(vsAutocorrect >= 5)}`],
  ['cold start: spawn → initialize answered (warm-up after it; median of 3 servers, 1 when quick)', ms(l.coldStartMs), '', '< 300 ms', '', verdict(l.coldStartMs < 300)],
  ['open 100,000 → diagnostics, steady (after 10 opens)', ms(steady), ms(l.steadyOpen100k.p95), '', '', ''],
  ['first open of 100,000, fresh server, right after initialized (median of 3 servers, 1 when quick)', ms(l.firstOpen100kMs), '', '< 3× steady', x(l.firstOpen100kMs, steady), verdict(l.firstOpen100kMs < 3 * steady)],
  ['first open of 100,000, fresh server, after its warm-up (median of 3 servers, 1 when quick)', ms(l.firstOpenWarmed100kMs), '', '< 3× steady', x(l.firstOpenWarmed100kMs, steady), verdict(l.firstOpenWarmed100kMs < 3 * steady)],
  ['1-char edit at 100,000 → answer', ms(l.edit100k_ours.median), ms(l.edit100k_ours.p95), '< 3× trivial', x(l.edit100k_ours.median, l.edit100k_trivial.median), verdict(l.edit100k_ours.median < 3 * l.edit100k_trivial.median)],
  ['  trivial server, same edits', ms(l.edit100k_trivial.median), ms(l.edit100k_trivial.p95), '', '', ''],
  [`1-char edit at 100,000 with ${l.commaFindings} diagnostics → answer`, ms(l.edit100k_commas.median), ms(l.edit100k_commas.p95), '< 2× clean', x(l.edit100k_commas.median, l.edit100k_again.median), verdict(l.edit100k_commas.median < 2 * l.edit100k_again.median)],
  ['  the clean draft again, same server', ms(l.edit100k_again.median), ms(l.edit100k_again.p95), '', '', ''],
  ['1-char edit at 1,000,000 → answer', ms(l.edit1m.median), ms(l.edit1m.p95), '< 5 ms, p95 < 15 ms', '', verdict(l.edit1m.median < 5 && l.edit1m.p95 < 15)],
  ['10,000-character paste at 1,000,000 → answer', ms(l.paste1m.median), ms(l.paste1m.p95), '< 15 ms', '', verdict(l.paste1m.median < 15)],
  [`section deleted at 1,000,000 (${(sectionEnd - sectionStart).toLocaleString('en')} characters) → answer`, ms(l.sectionDelete1m.median), ms(l.sectionDelete1m.p95), '< 15 ms', '', verdict(l.sectionDelete1m.median < 15)],
  ['open 1,000,000 → diagnostics (after ten opens of 100,000)', ms(l.open1mMs), '', '', '', ''],
  ['open 2,000,000 → diagnostics', ms(l.open2mMs), '', '< 2.5× 1M', x(l.open2mMs, l.open1mMs), verdict(l.open2mMs < 2.5 * l.open1mMs)],
  ['server RSS with the 2,000,000-character draft open', `${mb(l.rss2mBytes)} MB`, '', '< 200 MB', '', verdict(l.rss2mBytes < 200 * 2 ** 20)],
  [`report of the 100,000 draft with ${l.commaFindings} diagnostics (JSON)`, kbOf(l.commaReportBytes), '', '', '', ''],
  [`report of the 1,000,000 draft at the cap (${l.capFindings} diagnostics, JSON)`, kbOf(l.capReportBytes), '', '', `open → diagnostics ${ms(l.openCap1mMs)} ms`, ''],
  ['outline request at 100,000', ms(l.outline.median), ms(l.outline.p95), '', '', ''],
];
table(lspRows);
console.log(`  (edits answered 'unchanged' at 100,000: ${l.edit100k_ours.unchanged} of ${l.edit100k_ours.runs}; at 1,000,000: ${l.edit1m.unchanged} of ${l.edit1m.runs}; diagnostics on the 1,000,000-character draft: ${l.diagnostics1m})`);
console.log('');
const wt = word.times;
console.log(`Word: a 200-page .docx (${(word.docxBytes / 1024).toFixed(0)} KB, ${word.chars.toLocaleString('en')} characters): read + check median ${ms(wt['read .docx + check'].median)} ms (read ${ms(wt['read .docx'].median)} ms) vs ${ms(wt['check as text'].median)} ms as text; ${word.comments} comments written in ${ms(wt.annotate.median)} ms`);
const ca = lsp.codeActions;
console.log(`code action at the cursor, ${ca.chars.toLocaleString('en')} characters with ${ca.commas.toLocaleString('en')} half-width commas (${ca.findings.toLocaleString('en')} findings):`);
console.log(`  median ${ms(ca.cursor.median)} ms, max ${ms(ca.cursor.max)} ms (${ca.cursor.runs} cursor moves); resolving its fix-all (${ca.resolvedEdits.toLocaleString('en')} edits) ${ms(ca.resolveMs)} ms`);
const kb = (f) => `${(sizes[f] / 1024).toFixed(0)} KB`;
console.log(`bundles: server ${kb('server.js')}, client ${kb('client.js')} (+ ${kb('languageClient.js')} of vscode-languageclient, loaded when the first draft opens; + ${kb('regexEngine.js')} of re2js, loaded when a config holds placeholder patterns; + ${kb('word.js')} of the Word reader, loaded when a .docx comes)`);
console.log(`loading a bundle (fresh process, median): client ${ms(loadMs['client.js'].median)} ms, vscode-languageclient ${ms(loadMs['languageClient.js'].median)} ms`);
console.log('');
table([['hostile input (issue 18)', 'what', 'median ms'], ...hostileRows(hostile)]);
const mb1 = (b) => (b / 2 ** 20).toFixed(1);
console.log(
  `wording rules: first check of 100,000 characters in a fresh process ${ms(first.with.ms.median)} ms with them, ${ms(first.without.ms.median)} ms without ` +
    `(+${ms(first.with.ms.median - first.without.ms.median)} ms, the data's load included); resident memory after it +${mb1(first.with.rss.median - first.without.rss.median)} MB; ` +
    `dist/wording-data.bin ${(wordingDataBytes(build) / 1024).toFixed(0)} KB`,
);
console.log(`machine: ${results.machine.cpus} × ${results.machine.model}, Node.js ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (shared: compare ratios within one run)`);
