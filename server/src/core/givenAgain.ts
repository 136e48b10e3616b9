// A list of findings made again that equals the last one is given as the last one itself: the
// lists built from it (sorted, merged) are then given again too, and a consumer that holds the
// last list sees by identity that nothing changed.

import type { Finding } from './types';

/** Two plain values (findings and what they hold: strings, numbers, arrays, objects) are equal field by field, their keys in the same order. */
export function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // The same keys in the same order, unset ones included: what a fresh check's findings would be, to the letter.
  const x = Object.keys(a);
  const y = Object.keys(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i] || !equalValues((a as Record<string, unknown>)[x[i]], (b as Record<string, unknown>)[y[i]])) return false;
  }
  return true;
}

/** The two lists hold the same objects (or values) in the same order, compared by identity. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lists compared field by field (after an identity check each): counted by the tests. */
export const givenAgainWork = { compared: 0 };

/** `made` where it differs from `last`, else `last` itself (its findings the same objects or equal field by field, in the same order). */
export function givenAgain(made: readonly Finding[], last: readonly Finding[] | undefined): readonly Finding[] {
  if (last === undefined || made === last) return made;
  if (made.length !== last.length) return made;
  givenAgainWork.compared++;
  for (let i = 0; i < made.length; i++) if (made[i] !== last[i] && !equalValues(made[i], last[i])) return made;
  return last;
}
