// Glob patterns for `speechDraft.ignore`, matched the same way by the
// extension (which drafts start the server, the status bar, the workspace
// check) and by the language server (which documents it checks). Pure: no
// file system, no editor.
//
// Syntax, as VS Code's and markdownlint's globs: `*` and `?` within a path
// segment, `**` for any number of segments, `[abc]` `[a-z]` `[!a]`, `{a,b}`
// (also around slashes), `\` to escape. Matched segment by segment, so that no
// pattern makes the match backtrack over the whole path.

/** Brace alternatives one pattern may expand to: beyond this the rest are dropped. */
const MAX_ALTERNATIVES = 256;
const MAX_PATTERN_LENGTH = 1000;

/** One character of a segment's pattern: a literal, `?`, a class, or `*`. */
type Token = { kind: 'char'; ch: string } | { kind: 'one' } | { kind: 'class'; negated: boolean; test: (ch: string) => boolean } | { kind: 'star' };
type Segment = { any: true } | { any: false; tokens: Token[] };

/** Work done by matches (characters against tokens, segments against parts): counted by the tests. */
export const globStats = { steps: 0 };

export class Glob {
  private readonly alternatives: Segment[][];

  constructor(readonly pattern: string) {
    const p = pattern.length > MAX_PATTERN_LENGTH ? '' : pattern.replace(/^\.\//, '');
    this.alternatives = expandBraces(p).map(compileSegments);
  }

  /** Whether a path (`/`-separated; relative to a workspace folder, or absolute) matches. */
  matches(path: string): boolean {
    const parts = path.split('/').filter((s, i) => s !== '' || i === 0);
    return this.alternatives.some((segments) => matchSegments(segments, parts));
  }
}

/** `{a,b}c` → `ac`, `bc`; nested braces too. A brace without its partner is literal. */
export function expandBraces(pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const bounds = [open, ...commas, close];
  const options = bounds.slice(0, -1).map((b, i) => pattern.slice(b + 1, bounds[i + 1]));
  const out: string[] = [];
  for (const option of options) {
    for (const rest of expandBraces(option + pattern.slice(close + 1))) {
      if (out.length >= MAX_ALTERNATIVES) return out;
      out.push(head + rest);
    }
  }
  return out;
}

function findUnescaped(s: string, ch: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ch) return i;
  }
  return -1;
}

function compileSegments(pattern: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of pattern.split('/')) {
    if (part === '**') {
      // `**/**` is one `**`.
      if (!(segments.length && segments[segments.length - 1].any)) segments.push({ any: true });
    } else segments.push({ any: false, tokens: tokensOf(part) });
  }
  return segments;
}

/** A segment's pattern, by character (a surrogate pair is one). */
function tokensOf(part: string): Token[] {
  const chars = [...part];
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) tokens.push({ kind: 'char', ch: chars[++i] });
    else if (c === '*') {
      // `a**b` within a segment is one star.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else if (c === '[' && chars.indexOf(']', i + 2) > 0) {
      const end = chars.indexOf(']', i + 2);
      let body = chars.slice(i + 1, end);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      tokens.push({ kind: 'class', negated, test: classTest(body) });
      i = end;
    } else tokens.push({ kind: 'char', ch: c });
  }
  return tokens;
}

/** `a-z0-9_` as a test of one character. */
function classTest(body: readonly string[]): (ch: string) => boolean {
  const singles = new Set<string>();
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      ranges.push([body[i].codePointAt(0)!, body[i + 2].codePointAt(0)!]);
      i += 2;
    } else singles.add(body[i]);
  }
  return (ch) => {
    if (singles.has(ch)) return true;
    const cp = ch.codePointAt(0)!;
    return ranges.some(([lo, hi]) => lo <= cp && cp <= hi);
  };
}

function tokenTakes(t: Token, ch: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.ch === ch;
    case 'one':
      return true;
    case 'class':
      return t.test(ch) !== t.negated;
    case 'star':
      return true;
  }
}

/** One segment's tokens against one path part: a table over both (tokens × characters), no backtracking. */
function matchPart(tokens: readonly Token[], part: string): boolean {
  const chars = [...part];
  // done[j]: the tokens so far can take the first j characters.
  let done = new Array<boolean>(chars.length + 1).fill(false);
  done[0] = true;
  for (const t of tokens) {
    const next = new Array<boolean>(chars.length + 1).fill(false);
    globStats.steps += chars.length + 1;
    if (t.kind === 'star') {
      let seen = false;
      for (let j = 0; j <= chars.length; j++) next[j] = seen = seen || done[j];
    } else {
      for (let j = 0; j < chars.length; j++) if (done[j] && tokenTakes(t, chars[j])) next[j + 1] = true;
    }
    done = next;
  }
  return done[chars.length];
}

/** Segments against path parts, `**` taking any number of parts: the same kind of table. */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  let reachable = new Array<boolean>(parts.length + 1).fill(false);
  reachable[0] = true;
  for (const segment of segments) {
    const next = new Array<boolean>(parts.length + 1).fill(false);
    globStats.steps += parts.length + 1;
    if (segment.any) {
      let seen = false;
      for (let j = 0; j <= parts.length; j++) next[j] = seen = seen || reachable[j];
    } else {
      for (let j = 0; j < parts.length; j++) if (reachable[j] && matchPart(segment.tokens, parts[j])) next[j + 1] = true;
    }
    reachable = next;
  }
  return reachable[parts.length];
}

/** Whether any of `patterns` matches `path`. */
export function matchesAny(patterns: readonly Glob[], path: string): boolean {
  return patterns.some((g) => g.matches(path));
}

/**
 * The path a glob is matched against: relative to the innermost workspace
 * folder holding the file, else the absolute path (so `**`-patterns still apply).
 */
export function pathForGlobs(filePath: string, folders: readonly string[]): string {
  const posix = filePath.replace(/\\/g, '/');
  const holder = folders
    .map((f) => f.replace(/\\/g, '/').replace(/\/+$/, ''))
    .filter((f) => posix.startsWith(f + '/'))
    .sort((a, b) => b.length - a.length)[0];
  return holder ? posix.slice(holder.length + 1) : posix;
}
