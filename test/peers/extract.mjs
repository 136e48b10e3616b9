// Collects the peers' own test cases that hold Chinese text into
// test/fixtures/peers/*.json. Run once per peer snapshot:
//
//   node test/peers/extract.mjs <autocorrect git dir> <zhlint git dir>
//
// Each argument is the git directory of a snapshot (as `fetch` makes them);
// files are read with `git show HEAD:path`, nothing of the peers' code is
// copied into this repository except the test inputs and expectations.
// The script reads Rust and TypeScript test sources as data: AutoCorrect's
// `map!{ "input" => "expected" }` tables and `assert_eq!(expected, f(input))`,
// zhlint's `expect(getOutput(input, options)).toBe(expected)` and the like.
// Chinese literals inside a test that match none of these are printed, so
// that nothing is left out unnoticed.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '..', 'fixtures', 'peers');

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

/** Chinese text: Han characters, and not Japanese or Korean (kana or hangul). */
function languageOf(text) {
  if (KANA.test(text)) return 'japanese';
  if (HANGUL.test(text)) return 'korean';
  return HAN.test(text) ? 'chinese' : 'none';
}

function git(dir, ...args) {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
const show = (dir, file) => git(dir, 'show', `HEAD:${file}`);

// ---------------------------------------------------------------- Rust

/** Tokens of a Rust source: strings (cooked), identifiers, punctuation; comments dropped. */
function rustTokens(src) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const push = (type, value, at) => tokens.push({ type, value, line: at });
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      line += (src.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 2;
    } else if (c === 'r' && /^r#*"/.test(src.slice(i, i + 10))) {
      const hashes = /^r(#*)"/.exec(src.slice(i))[1];
      const close = '"' + hashes;
      const start = i + 2 + hashes.length;
      const end = src.indexOf(close, start);
      const value = src.slice(start, end);
      push('string', value, line);
      line += (value.match(/\n/g) ?? []).length;
      i = end + close.length;
    } else if (c === '"') {
      const at = line;
      let value = '';
      i++;
      while (src[i] !== '"') {
        if (src[i] === '\\') {
          const e = src[i + 1];
          if (e === '\n') {
            line++;
            i += 2;
            while (/\s/.test(src[i])) {
              if (src[i] === '\n') line++;
              i++;
            }
            continue;
          }
          if (e === 'u') {
            const m = /^\\u\{([0-9a-fA-F_]+)\}/.exec(src.slice(i));
            value += String.fromCodePoint(parseInt(m[1].replace(/_/g, ''), 16));
            i += m[0].length;
            continue;
          }
          if (e === 'x') {
            value += String.fromCharCode(parseInt(src.slice(i + 2, i + 4), 16));
            i += 4;
            continue;
          }
          value += { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' }[e];
          i += 2;
          continue;
        }
        if (src[i] === '\n') line++;
        value += src[i++];
      }
      i++;
      push('string', value, at);
    } else if (c === "'" && /^'(\\.|[^\\'])'/u.test(src.slice(i, i + 4))) {
      const m = /^'(\\.|[^\\'])'/u.exec(src.slice(i));
      push('char', m[1], line);
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
      push('ident', m[0], line);
      i += m[0].length;
    } else if (src.startsWith('=>', i)) {
      push('punct', '=>', line);
      i += 2;
    } else {
      push('punct', c, line);
      i++;
    }
  }
  return tokens;
}

/** The matching closer of the bracket at index k. */
function closing(tokens, k) {
  const pairs = { '(': ')', '[': ']', '{': '}' };
  const open = tokens[k].value;
  let depth = 0;
  for (let j = k; j < tokens.length; j++) {
    if (tokens[j].type !== 'punct') continue;
    if (tokens[j].value === open) depth++;
    else if (tokens[j].value === pairs[open] && --depth === 0) return j;
  }
  throw new Error(`unclosed ${open} at line ${tokens[k].line}`);
}

const indexOrEnd = (slice, value) => {
  const n = slice.findIndex((t) => t.value === value);
  return n < 0 ? slice.length : n;
};

/**
 * Cases of one Rust file's `#[test]` functions. `call` names what the file's
 * `assert_cases` runs: the peer function whose output the expectation is.
 */
function rustCases(src, file, call) {
  const tokens = rustTokens(src);
  const cases = [];
  const used = new Set();
  const add = (input, expected, kind, extra = {}) => {
    used.add(input);
    used.add(expected);
    cases.push({ file, line: input.line, kind, input: input.value, expected: expected.value, ...extra });
  };
  for (let k = 0; k < tokens.length; k++) {
    // #[test] fn name() { … }
    if (!(tokens[k].value === '#' && tokens[k + 2]?.value === 'test' && tokens[k + 4]?.value === 'fn')) continue;
    const name = tokens[k + 5].value;
    let b = k + 5;
    while (tokens[b].value !== '{') b++;
    const end = closing(tokens, b);
    const vars = new Map();
    const results = new Map();
    for (let j = b; j < end; j++) {
      const t = tokens[j];
      // let name = "literal";  ·  let result = format_for(raw, "ext");
      if (t.value === 'let' && tokens[j + 2]?.value === '=') {
        const v = tokens[j + 3];
        if (v.type === 'string' && tokens[j + 4]?.value === ';') vars.set(tokens[j + 1].value, v);
        if (v.type === 'ident' && tokens[j + 4]?.value === '(') {
          const args = tokens.slice(j + 5, closing(tokens, j + 4));
          results.set(tokens[j + 1].value, { fn: v.value, args });
        }
      }
      // map!( "a" => "b", … )
      if (t.value === 'map' && tokens[j + 1]?.value === '!') {
        const close = closing(tokens, j + 2);
        for (let m = j + 3; m < close; m++) {
          if (tokens[m].type === 'string' && tokens[m + 1]?.value === '=>' && tokens[m + 2]?.type === 'string') {
            add(tokens[m], tokens[m + 2], call, { test: name });
            m += 2;
          }
        }
        j = close;
      }
      // assert_eq!(expected, f(input))  ·  assert_eq!(expected, result.out)
      if (t.value === 'assert_eq' && tokens[j + 1]?.value === '!') {
        const close = closing(tokens, j + 2);
        const args = tokens.slice(j + 3, close);
        const comma = args.findIndex((a) => a.value === ',');
        const first = args.slice(0, comma);
        const second = args.slice(comma + 1);
        const value = (toks) => (toks.length === 1 ? (toks[0].type === 'string' ? toks[0] : vars.get(toks[0].value)) : undefined);
        const expected = value(first);
        if (expected && second[0]?.type === 'ident' && second[1]?.value === '(') {
          // f(input, …) or f(input, "type").out
          const argsEnd = j + 3 + comma + 1 + closing(second, 1);
          const callArgs = tokens.slice(j + 3 + comma + 3, argsEnd);
          const firstArg = callArgs.slice(0, indexOrEnd(callArgs, ','));
          // f(input) itself, or f(input).out: not f(input).to_json(), a lint report
          const after = tokens.slice(argsEnd + 1, close).map((t) => t.value).join('');
          const input = after === '' || after === '.out' ? value(firstArg) : undefined;
          const fileType = callArgs.find((a, n) => n > 0 && a.type === 'string')?.value;
          if (input) add(input, expected, second[0].value, { test: name, ...(fileType ? { fileType } : {}) });
        } else if (expected && second.length === 3 && second[1].value === '.' && second[2].value === 'out') {
          const r = results.get(second[0].value);
          const input = r && value(r.args.slice(0, 1));
          const ext = r?.args[2];
          if (input) add(input, expected, r.fn, { test: name, fileType: ext?.value });
        }
        j = close;
      }
    }
    // lint_for(input, …): what it expects is the lint JSON below (or only a count of findings).
    for (let j = b; j < end; j++) {
      if (tokens[j].value !== 'lint_for' || tokens[j + 1]?.value !== '(') continue;
      const arg = tokens[j + 2];
      const literal = arg.type === 'string' ? arg : vars.get(arg.value);
      if (literal) used.add(literal);
    }
    // lint JSON: {"lines":[{"old": …, "new": …}]} gives the corrected line of each finding.
    for (let j = b; j < end; j++) {
      const t = tokens[j];
      if (t.type !== 'string' || !t.value.startsWith('{"filepath"')) continue;
      const json = JSON.parse(t.value);
      used.add(t);
      for (const l of json.lines) cases.push({ file, line: t.line, kind: 'lint_for', input: l.old, expected: l.new, test: name, fileType: json.filepath });
    }
    for (let j = b; j < end; j++) {
      const t = tokens[j];
      if (t.type === 'string' && HAN.test(t.value) && !used.has(t) && languageOf(t.value) === 'chinese') {
        console.warn(`  not extracted: ${file}:${t.line} ${JSON.stringify(t.value).slice(0, 80)}`);
      }
    }
    k = end;
  }
  return cases;
}

// ---------------------------------------------------------------- TypeScript

/** The value of a string expression, or undefined when it is not a constant. */
function stringValue(node, scope) {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return stringValue(node.expression, scope);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = stringValue(node.left, scope);
    const b = stringValue(node.right, scope);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'trim' && node.arguments.length === 0) {
    return stringValue(node.expression.expression, scope)?.trim();
  }
  if (ts.isIdentifier(node)) {
    const decl = declarationOf(node, scope);
    return decl?.initializer ? stringValue(decl.initializer, scope) : undefined;
  }
  return undefined;
}

/** The nearest `const name = …` visible from node (enclosing blocks, then the file). */
function declarationOf(id, sourceFile) {
  for (let n = id.parent; n; n = n.parent) {
    const statements = ts.isBlock(n) || ts.isSourceFile(n) ? n.statements : undefined;
    if (!statements) continue;
    for (const s of statements) {
      if (!ts.isVariableStatement(s) || s.getStart(sourceFile) > id.getStart(sourceFile)) continue;
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === id.text) return d;
    }
  }
  return undefined;
}

/** How the options argument reads: the text of its declaration, or the shared defaults. */
function optionsText(node, sourceFile, defaultWhenMissing) {
  if (!node) return defaultWhenMissing;
  if (ts.isIdentifier(node)) {
    const decl = declarationOf(node, sourceFile);
    if (!decl) return 'defaultConfig'; // imported from ./prepare.js: { rules: defaultConfig }
    return decl.initializer ? decl.initializer.getText(sourceFile).replace(/\s+/g, ' ') : 'undefined';
  }
  return node.getText(sourceFile).replace(/\s+/g, ' ').replace(/\.\.\.options/, '...defaultConfig');
}

/** Is node inside `test.skip`, `test.todo` or `describe.skip`? */
function skippedByPeer(node) {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['skip', 'todo'].includes(n.expression.name.text)) return true;
  }
  return false;
}

function testName(node, sourceFile) {
  const names = [];
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isCallExpression(n) && n.arguments[0] && ts.isStringLiteralLike(n.arguments[0])) {
      const callee = n.expression.getText(sourceFile);
      if (/^(test|describe)(\.\w+)?$/.test(callee)) names.unshift(n.arguments[0].text);
    }
  }
  return names.join(' › ');
}

/**
 * zhlint cases of one test file. `localDefault` is what `getOutput(x)` runs
 * with when the file's own getOutput passes fixed options.
 */
function zhlintCases(src, file, localDefault) {
  const sourceFile = ts.createSourceFile(file, src, ts.ScriptTarget.ES2022, true);
  const cases = [];
  const used = new Set();
  const lineOf = (node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const record = (inputNode, expectedValue, kind, optionsNode, at, expectedNode) => {
    const input = stringValue(inputNode, sourceFile);
    if (input === undefined || expectedValue === undefined) {
      console.warn(`  not evaluated: ${file}:${lineOf(at)}`);
      return;
    }
    used.add(inputNode);
    if (expectedNode) used.add(expectedNode);
    if (optionsNode) used.add(optionsNode);
    cases.push({
      file,
      line: lineOf(inputNode.kind === ts.SyntaxKind.Identifier ? at : inputNode),
      kind,
      input,
      expected: expectedValue,
      test: testName(at, sourceFile),
      options: optionsText(optionsNode, sourceFile, localDefault),
      ...(skippedByPeer(at) ? { skippedByPeer: true } : {}),
    });
  };
  const visit = (node) => {
    // expect(A).toBe(B) · expect(A).toEqual({ output: B, … })
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['toBe', 'toEqual'].includes(node.expression.name.text) &&
      ts.isCallExpression(node.expression.expression) &&
      node.expression.expression.expression.getText(sourceFile) === 'expect'
    ) {
      const actual = node.expression.expression.arguments[0];
      const expectedNode = node.arguments[0];
      let expected;
      let expectedAt = expectedNode;
      if (ts.isObjectLiteralExpression(expectedNode)) {
        const output = expectedNode.properties.find((p) => p.name?.getText(sourceFile) === 'output');
        expectedAt = output?.initializer;
        expected = stringValue(expectedAt, sourceFile);
      } else expected = stringValue(expectedNode, sourceFile);
      let call = actual;
      let kind;
      // run(x, options).result · output.result where output = run(x, options)
      if (ts.isPropertyAccessExpression(actual) && actual.name.text === 'result') {
        call = actual.expression;
        if (ts.isIdentifier(call)) call = declarationOf(call, sourceFile)?.initializer;
        kind = 'run';
      }
      if (call && ts.isCallExpression(call)) {
        const fn = call.expression.getText(sourceFile);
        if (['getOutput', 'lint', 'run'].includes(fn)) record(call.arguments[0], expected, kind ?? fn, call.arguments[1], node, expectedAt);
        // The parser's own tests: a parse-and-join round trip, or a join after a handler the test writes itself.
        else if (['restruct', 'join'].includes(fn)) used.add(expectedNode);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const report = (node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && languageOf(node.text) === 'chinese') {
      let covered = false;
      for (let n = node; n && !covered; n = n.parent) covered = used.has(n);
      const inCall = (name) => {
        for (let n = node.parent; n; n = n.parent) if (ts.isCallExpression(n) && n.expression.getText(sourceFile) === name) return true;
        return false;
      };
      const declaredAndUsed = ts.isVariableDeclaration(node.parent) && cases.some((c) => c.input === node.text || c.expected === node.text);
      // Token values of the parser's own tests (`{ type: 'cjk-char', value: '遵守' }`) are not cases.
      const tokenValue = ts.isPropertyAssignment(node.parent) && node.parent.name.getText(sourceFile) === 'value';
      const testTitle = ts.isCallExpression(node.parent) && /^(test|describe)\b/.test(node.parent.expression.getText(sourceFile));
      if (!covered && !declaredAndUsed && !tokenValue && !testTitle && !['restruct', 'parse', 'generateMarker', 'checkCharType'].some(inCall)) {
        console.warn(`  not extracted: ${file}:${lineOf(node)} ${JSON.stringify(node.text).slice(0, 80)}`);
      }
    }
    ts.forEachChild(node, report);
  };
  report(sourceFile);
  return cases;
}

// ---------------------------------------------------------------- documents

/**
 * A fixture document and its expected output, checked whole; each line of it
 * that holds Chinese text is one case, compared line by line.
 */
function documentCases(dir, file, expectedFile, kind) {
  const input = show(dir, file);
  const expected = show(dir, expectedFile);
  const inLines = input.split('\n');
  const exLines = expected.split('\n');
  // The peers' fixtures keep line for line (a trailing newline may differ).
  if (Math.abs(inLines.length - exLines.length) > 1) throw new Error(`${file}: ${inLines.length} lines, ${expectedFile}: ${exLines.length}`);
  const document = { file, expectedFile, kind, input, expected };
  const cases = [];
  inLines.forEach((line, i) => {
    if (languageOf(line) !== 'none' || languageOf(exLines[i] ?? '') !== 'none') {
      cases.push({ file, line: i + 1, kind, input: line, expected: exLines[i] ?? '', document: file });
    }
  });
  return { document, cases };
}

// ---------------------------------------------------------------- output

function commitOf(dir) {
  return git(dir, 'rev-parse', 'HEAD').trim();
}

/** Keeps the Chinese cases, counting what was left out and why. */
function finish(source, dir, raw, documents, extra) {
  const counts = {};
  const cases = [];
  const ids = new Set();
  for (const c of raw) {
    const language = [languageOf(c.input), languageOf(c.expected)].find((l) => l !== 'none') ?? 'none';
    const perFile = (counts[c.file] ??= { cases: 0, chinese: 0, japanese: 0, korean: 0, none: 0 });
    perFile.cases++;
    perFile[language]++;
    if (language !== 'chinese') continue;
    let id = `${source}:${c.file}:${c.line}`;
    for (let n = 2; ids.has(id); n++) id = `${source}:${c.file}:${c.line}#${n}`;
    ids.add(id);
    cases.push({ id, source, ...c, format: formatOf(source, c) });
  }
  const out = {
    source: { name: source, repository: extra.repository, commit: commitOf(dir), licence: extra.licence, copyright: extra.copyright },
    counts,
    documents: documents.map((d) => ({ ...d, format: formatOf(source, d) })),
    cases,
  };
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `${source}.json`), JSON.stringify(out, null, 1) + '\n');
  console.log(`${source}: ${cases.length} Chinese cases of ${raw.length}`, counts);
}

/** How our checker reads the case: AutoCorrect's plain-text functions as text, Markdown as Markdown. */
function formatOf(source, c) {
  if (source === 'zhlint') return 'markdown'; // zhlint parses every input as Markdown
  if (c.kind === 'markdown-fixture') return 'markdown';
  return 'text';
}

const [autocorrectDir, zhlintDir] = process.argv.slice(2);
if (!autocorrectDir || !zhlintDir) {
  console.error('usage: node test/peers/extract.mjs <autocorrect git dir> <zhlint git dir>');
  process.exit(2);
}

{
  const raw = [
    ...rustCases(show(autocorrectDir, 'autocorrect/src/rule/fullwidth.rs'), 'autocorrect/src/rule/fullwidth.rs', 'fullwidth::format'),
    ...rustCases(show(autocorrectDir, 'autocorrect/src/rule/halfwidth.rs'), 'autocorrect/src/rule/halfwidth.rs', 'halfwidth::format_punctuation'),
    ...rustCases(show(autocorrectDir, 'autocorrect/src/format.rs'), 'autocorrect/src/format.rs', 'format'),
  ];
  const md = documentCases(autocorrectDir, 'tests/fixtures/markdown.raw.md', 'tests/fixtures/markdown.fixed.md', 'markdown-fixture');
  const txt = documentCases(autocorrectDir, 'tests/fixtures/text.raw.txt', 'tests/fixtures/text.fixed.txt', 'text-fixture');
  finish('autocorrect', autocorrectDir, [...raw, ...md.cases, ...txt.cases], [md.document, txt.document], {
    repository: 'https://github.com/huacnlee/autocorrect',
    licence: 'MIT',
    copyright: show(autocorrectDir, 'LICENSE').split('\n').find((l) => l.startsWith('Copyright')),
  });
}

{
  const files = git(zhlintDir, 'ls-tree', '-r', '--name-only', 'HEAD', 'test/').split('\n').filter((f) => f.endsWith('.test.ts'));
  const raw = [];
  for (const file of files) {
    if (file === 'test/examples.test.ts') continue; // its Markdown files are read as documents below
    const src = show(zhlintDir, file);
    // md, hexo and vuepress tests define getOutput(str) = run(str, options).
    const localDefault = /const getOutput = \(str: string\) => run\(str, options\)/.test(src) ? 'defaultConfig' : 'undefined';
    raw.push(...zhlintCases(src, file, localDefault));
  }
  // examples.test.ts reads Markdown files: two names are input and output, one is input = output.
  const documents = [];
  const examples = show(zhlintDir, 'test/examples.test.ts');
  for (const block of examples.split(/\n  test\(/).slice(1)) {
    const names = [...block.matchAll(/'\.\/([\w-]+\.md)'/g)].map((m) => `test/${m[1]}`);
    const identity = /toBe\(input\)/.test(block);
    const expectedFile = identity ? names[0] : names[1];
    const d = documentCases(zhlintDir, names[0], expectedFile, 'example-document');
    if (d.cases.length) documents.push(d.document);
    raw.push(...d.cases.map((c) => ({ ...c, test: `combo lint › ${/^'([^']+)'/.exec(block)[1]}`, options: 'defaultConfig' })));
  }
  finish('zhlint', zhlintDir, raw, documents, {
    repository: 'https://github.com/zhlint-project/zhlint',
    licence: 'MIT',
    copyright: show(zhlintDir, 'LICENSE').split('\n').find((l) => l.startsWith('Copyright')),
  });
}
