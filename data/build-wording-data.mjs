// Precompiles the data of the wording rules (the typo rule's dictionary,
// confusion classes and finder tables, the formulation rule's list) into
// dist/wording-data.bin, a file of typed arrays that the server maps without
// parsing (the container: server/src/core/wording/wordingFile.ts). Run by
// esbuild.mjs; does nothing when the output is newer than its inputs.
//
// Inputs (data/README.md names their sources and licences):
// - data/typo/jieba.dict.utf8: words with frequencies and parts of speech;
// - data/typo/shapes.txt: groups of look-alike characters;
// - data/typo/official-words.txt: words of official texts the dictionary lacks;
// - pinyin-pro: the readings of each character, grouping sound-alikes;
// - data/formulations.json: the standard formulations;
// - the finder's own code (server/src/core/wording/typoTables.ts and what it
//   imports), bundled here and run to compute its tables: what decides a typo
//   is written once, in TypeScript, and used both here and at check time.

import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const require = createRequire(join(repo, 'package.json'));

export const WORDING_DATA_OUT = join(repo, 'dist', 'wording-data.bin');
const DICT = join(here, 'typo', 'jieba.dict.utf8');
const SHAPES = join(here, 'typo', 'shapes.txt');
const OFFICIAL = join(here, 'typo', 'official-words.txt');
const FORMULATIONS = join(here, 'formulations.json');
const PINYIN = require.resolve('pinyin-pro/package.json');
const TABLES = join(repo, 'server', 'src', 'core', 'wording', 'typoTables.ts');

/** Must match `WORDING_DATA_VERSION` in server/src/core/wording/typoData.ts. */
const VERSION = 9;
/** Words longer than this are left out: no check looks further. */
const MAX_WORD = 7;
/**
 * Characters whose words (of two or more characters) sum to a lower frequency
 * get no class: too rare to be typed by mistake, or traditional characters,
 * which the dictionary has almost only alone.
 */
const MIN_CHAR_FREQ = 50;
/**
 * The least frequency of the words of official-words.txt: the dictionary
 * counts a general corpus, where official texts use these words far more.
 */
const OFFICIAL_WORD_FREQ = 3000;
/** Words this frequent lend their characters' readings to the sound-alike classes. */
const READING_WORD_FREQ = 300;

const CJK = /^[\u4e00-\u9fff]+$/;
/**
 * Kinds of words, from jieba's parts of speech: idioms (成语, `i`), set
 * phrases (习用语, `l`) and names: of places and bodies of two or three
 * characters, of people of three (jieba tags many common words as names:
 * 弘扬, 杜绝, 蓝图 and idioms of four). `KINDS` in typoData.ts reads them.
 */
const KIND = { word: 0, idiom: 1, name: 2, phrase: 3 };
const kindOf = (word, pos) =>
  pos === 'i'
    ? KIND.idiom
    : pos === 'l'
      ? KIND.phrase
      : (/^(ns|nt)$/.test(pos) && word.length <= 3) || (/^(nr|nrt|nrfg)$/.test(pos) && word.length === 3)
        ? KIND.name
        : KIND.word;
/** Frequency code: 0x100 + round(10·ln f) + 0x100 · kind. */
const code = (freq, kind) => 0x100 + Math.min(0xff, Math.round(10 * Math.log(Math.max(freq, 1)))) + 0x100 * kind;

/** The finder's code, bundled; `inputs`: the files it was made from. */
function finderCode() {
  const result = buildSync({ entryPoints: [TABLES], bundle: true, platform: 'node', format: 'cjs', target: 'node18', write: false, metafile: true, logLevel: 'warning' });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs).map((f) => join(repo, f)) };
}

function stale(inputs) {
  if (!existsSync(WORDING_DATA_OUT)) return true;
  const built = statSync(WORDING_DATA_OUT).mtimeMs;
  return [DICT, SHAPES, OFFICIAL, FORMULATIONS, PINYIN, fileURLToPath(import.meta.url), ...inputs].some((f) => statSync(f).mtimeMs > built);
}

export function buildWordingData({ force = false } = {}) {
  const finder = finderCode();
  if (!force && !stale(finder.inputs)) return false;
  const module = { exports: {} };
  new Function('module', 'exports', 'require', finder.code)(module, module.exports, require);
  const { typoSections, writeWordingFile } = module.exports;

  const { pinyin } = require('pinyin-pro');
  const entries = new Map();
  for (const line of readFileSync(DICT, 'utf8').split('\n')) {
    const [word, f, pos] = line.trim().split(' ');
    if (!word || !CJK.test(word) || word.length > MAX_WORD) continue;
    entries.set(word, [word, Number(f), kindOf(word, pos)]);
  }
  for (const line of readFileSync(OFFICIAL, 'utf8').split('\n')) {
    const word = line.trim();
    if (!word || word.startsWith('#')) continue;
    if (entries.get(word)?.[2] === KIND.name) entries.delete(word);
    if (!CJK.test(word) || word.length > MAX_WORD) throw new Error(`${OFFICIAL}: not a word of 1 to ${MAX_WORD} Chinese characters: ${word}`);
    const known = entries.get(word);
    if (!known || known[1] < OFFICIAL_WORD_FREQ) entries.set(word, [word, OFFICIAL_WORD_FREQ, word.length === 4 || known?.[2] === KIND.idiom ? KIND.idiom : KIND.word]);
  }
  const byLength = Array.from({ length: MAX_WORD + 1 }, () => []);
  const charFreq = new Map();
  for (const entry of entries.values()) {
    const [word, freq] = entry;
    byLength[word.length].push(entry);
    if (word.length > 1) for (const c of word) charFreq.set(c, (charFreq.get(c) ?? 0) + freq);
  }
  // Sorted by code units, as the binary search in typoData.ts compares them.
  for (const list of byLength) list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  // Confusion classes: one per toneless syllable, one per line of shapes.txt.
  // A character's syllables are its usual reading and those it has in frequent
  // words: a rare reading (其 as ji, 的 as di) would confuse it with too much.
  const classIds = new Map();
  const classOf = (key) => {
    if (!classIds.has(key)) classIds.set(key, classIds.size);
    return classIds.get(key);
  };
  const syllable = /^[a-zü]+$/;
  const readings = new Map();
  const read = (c, r) => {
    if (!syllable.test(r)) return;
    if (!readings.has(c)) readings.set(c, new Set());
    readings.get(c).add(r);
  };
  const common = [...charFreq].filter(([, f]) => f >= MIN_CHAR_FREQ).map(([c]) => c).sort();
  for (const c of common) read(c, pinyin(c, { toneType: 'none', type: 'array' })[0]);
  for (const [word, freq] of entries.values()) {
    if (freq < READING_WORD_FREQ || word.length < 2) continue;
    const syllables = pinyin(word, { toneType: 'none', type: 'array' });
    if (syllables.length === word.length) [...word].forEach((c, i) => charFreq.get(c) >= MIN_CHAR_FREQ && read(c, syllables[i]));
  }
  const classes = new Map();
  for (const c of common) classes.set(c, [...readings.get(c)].sort().map((r) => classOf(`py:${r}`)));
  readFileSync(SHAPES, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .forEach((line, i) => {
      for (const c of line.trim()) {
        if (!classes.has(c)) classes.set(c, []);
        classes.get(c).push(classOf(`shape:${i}`));
      }
    });
  // Per code unit, where its classes start in the list.
  const classStart = new Int32Array(0x10001);
  for (const [c, ids] of classes) classStart[c.charCodeAt(0) + 1] = ids.length;
  for (let u = 0; u < 0x10000; u++) classStart[u + 1] += classStart[u];
  const classList = new Uint16Array(classStart[0x10000]);
  for (const [c, ids] of classes) classList.set(ids, classStart[c.charCodeAt(0)]);

  const words = byLength.map((list) => Uint16Array.from(list.flatMap(([w]) => [...w].map((ch) => ch.charCodeAt(0)))));
  const codes = byLength.map((list) => Uint16Array.from(list.map(([, f, kind]) => code(f, kind))));
  const total = byLength.flat().reduce((sum, [, f]) => sum + f, 0);
  const sections = typoSections({ total, maxWord: MAX_WORD, classStart, classList, words, codes });
  // The standard formulations, checked to parse, as the last section.
  sections.formulations = JSON.stringify(JSON.parse(readFileSync(FORMULATIONS, 'utf8')));
  const bytes = writeWordingFile({ version: VERSION, total, maxWord: MAX_WORD, classCount: classIds.size }, sections);
  mkdirSync(dirname(WORDING_DATA_OUT), { recursive: true });
  const tmp = `${WORDING_DATA_OUT}.tmp`;
  writeFileSync(tmp, bytes);
  // Renamed into place, so that a reader never sees half a file.
  renameSync(tmp, WORDING_DATA_OUT);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const built = buildWordingData({ force: process.argv.includes('--force') });
  console.error(built ? `wrote ${WORDING_DATA_OUT} in ${Date.now() - t0} ms (${statSync(WORDING_DATA_OUT).size} bytes)` : `${WORDING_DATA_OUT} is up to date`);
}
