// Benchmark drafts: real Chinese prose with real structure, made by
// concatenating the published corpus and the model address (or, where the
// corpus is absent, the project's own example drafts).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

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
