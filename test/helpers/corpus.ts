// The shared corpus lives outside the repository (../shared/corpus). Tests that
// read it skip, with a message, where it is absent.

import * as fs from 'fs';
import * as path from 'path';
import { skipBecause } from './skip';

/** Why the tests that read the corpus skip. */
export const CORPUS_ABSENT = '../shared/corpus is not present on this machine';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function corpusDir(): string | undefined {
  const dir = process.env.SPEECH_DRAFT_CORPUS ?? path.resolve(repoRoot, '..', 'shared', 'corpus');
  return fs.existsSync(path.join(dir, 'model-address.txt')) ? dir : undefined;
}

/** Skips the calling test (or suite hook) when the corpus is not there. */
export function requireCorpus(ctx: Mocha.Context): string {
  const dir = corpusDir();
  if (!dir) skipBecause(ctx, CORPUS_ABSENT);
  return dir!;
}

export function readCorpus(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

export function publishedFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(dir, 'published'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join('published', f));
}
