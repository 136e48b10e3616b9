// Benchmark drafts: real Chinese prose with real structure, made by
// concatenating the published corpus and the model address (or, where the
// corpus is absent, the project's own example drafts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The build timed: this checkout, or another one (BENCH_REPO, built and compiled) for a before/after in one run's conditions. */
export const build = resolve(process.env.BENCH_REPO ?? repo);

export function sourceTexts() {
  const corpus = process.env.SPEECH_DRAFT_CORPUS ?? resolve(repo, '..', 'shared', 'corpus');
  if (existsSync(join(corpus, 'model-address.txt'))) {
    const published = join(corpus, 'published');
    const files = readdirSync(published).filter((f) => f.endsWith('.txt')).sort();
    return { from: 'corpus', texts: [readFileSync(join(corpus, 'model-address.txt'), 'utf8'), ...files.map((f) => readFileSync(join(published, f), 'utf8'))] };
  }
  const examples = join(repo, 'examples');
  return { from: 'examples', texts: readdirSync(examples).sort().map((f) => readFileSync(join(examples, f), 'utf8')) };
}

/** A draft of about `size` characters, cut at a line end. */
export function draftOfSize(texts, size) {
  let out = '';
  for (let i = 0; out.length < size; i++) out += texts[i % texts.length] + '\n\n';
  const cut = out.lastIndexOf('\n', size);
  return out.slice(0, cut > size * 0.9 ? cut + 1 : size);
}

const SENTENCE = /[^。！？]*[。！？]+[”’）]?/g;
/** A line that opens with a numbering marker: a heading or a numbered item, kept as it is. */
const NUMBERED = /^[\s\u3000#]*([（(]?[一二三四五六七八九十0-9０-９]{1,3}[）)、.．]|第[一二三四五六七八九十]+|[一二三四五六七八九十]是|首先|其次|最后)/;

/** Every sentence of the texts' prose lines, in order. */
function sentencePool(texts) {
  const pool = [];
  for (const t of texts) for (const line of t.split('\n')) if (!NUMBERED.test(line)) pool.push(...(line.trim().match(SENTENCE) ?? []));
  return pool;
}

/** A small seeded generator (mulberry32), so that every run builds the same drafts. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Copy `k` of a text, different from the others where a cache keyed by
 * paragraph text would notice: each line made of whole sentences takes as
 * many sentences drawn from the corpus as it had (a numbered line keeps its
 * marker and first sentence); headings, titles and other lines stay, so the
 * structure is the original's and the prose is real. Copy 0 is the text.
 */
export function variantOf(text, k, pool) {
  if (k === 0) return text;
  const next = random(k * 7919);
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[\s\u3000]*/.exec(line)[0];
      const body = line.slice(indent.length);
      const sentences = body.match(SENTENCE);
      if (!sentences || sentences.join('') !== body) return line;
      // A numbered line keeps its marker and heading sentence.
      const kept = NUMBERED.test(line) ? 1 : 0;
      return indent + sentences.map((s, i) => (i < kept ? s : pool[Math.floor(next() * pool.length)])).join('');
    })
    .join('\n');
}

/**
 * A draft of about `size` characters in which each pass over the texts after
 * the first is another variant (`variantOf`), so that the corpus, which
 * repeats past about 115,000 characters, does not let paragraph caches make a
 * long draft cheaper than distinct prose; `seed` shifts the variants, for
 * drafts distinct from each other.
 */
export function distinctDraftOfSize(texts, size, seed = 0) {
  const pool = sentencePool(texts);
  let out = '';
  for (let i = 0; out.length < size; i++) out += variantOf(texts[i % texts.length], seed + Math.floor(i / texts.length), pool) + '\n\n';
  const cut = out.lastIndexOf('\n', size);
  return out.slice(0, cut > size * 0.9 ? cut + 1 : size);
}

/** Share of the draft's characters in lines met once in it. */
export function distinctShare(text) {
  const lines = text.split('\n').filter((l) => l.trim());
  const counts = new Map();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  const chars = (ls) => ls.reduce((n, l) => n + l.length, 0);
  return chars(lines.filter((l) => counts.get(l) === 1)) / chars(lines);
}
