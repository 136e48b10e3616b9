// The client stays thin: of the server it imports `protocol.ts` only, and that
// file holds types and constants (method names, command ids), no code. What
// both must run (`common/`: the ignore globs, the speech-like test) imports
// nothing but itself: no editor, no file system, no server. Read
// from the source with the TypeScript compiler, so a new import or function
// anywhere in either fails here.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { repoRoot } from '../helpers/corpus';

const clientDir = path.join(repoRoot, 'client', 'src');
const commonDir = path.join(repoRoot, 'common');
const serverDir = path.join(repoRoot, 'server', 'src');
const protocolFile = path.join(serverDir, 'protocol.ts');

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** Every module a file names: imports, re-exports, `import()` and `require()` with a literal. */
function specifiers(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) out.push(node.arguments[0].text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push(node.moduleReference.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** What is not plain data in a constant's initializer: calls, functions, classes, `new`. */
function codeIn(node: ts.Node): ts.Node | undefined {
  if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isTaggedTemplateExpression(node)) return node;
  return ts.forEachChild(node, codeIn);
}

/** Statements of protocol.ts that are not types or constant data, described for the message. */
function nonDeclarations(source: ts.SourceFile): string[] {
  const bad: string[] = [];
  const where = (n: ts.Node) => `line ${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.getText().split('\n')[0]}`;
  for (const s of source.statements) {
    if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) continue;
    if (ts.isImportDeclaration(s) && s.importClause?.isTypeOnly) continue;
    if (ts.isVariableStatement(s) && s.declarationList.flags & ts.NodeFlags.Const) {
      for (const d of s.declarationList.declarations) {
        const code = d.initializer ? codeIn(d.initializer) : d;
        if (code) bad.push(where(code));
      }
      continue;
    }
    bad.push(where(s));
  }
  return bad;
}

/** The TypeScript files below a folder. */
function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return fs.statSync(file).isDirectory() ? tsFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('module boundaries', () => {
  it('the client imports nothing of the server but protocol.ts', () => {
    const offending: string[] = [];
    let protocolImports = 0;
    for (const file of tsFiles(clientDir)) {
      for (const spec of specifiers(parse(file))) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), spec);
        const inServer = !path.relative(serverDir, target).startsWith('..');
        if (!inServer) continue;
        if (target === protocolFile.replace(/\.ts$/, '') || target === protocolFile) protocolImports++;
        else offending.push(`${path.relative(repoRoot, file)} imports ${spec}`);
      }
    }
    assert.ok(protocolImports > 3, 'the scan found the client’s imports of protocol.ts');
    assert.deepStrictEqual(offending, []);
  });

  it('common/ imports nothing but its own modules', () => {
    const offending: string[] = [];
    const files = tsFiles(commonDir);
    for (const file of files) {
      for (const spec of specifiers(parse(file))) {
        const inside = spec.startsWith('.') && !path.relative(commonDir, path.resolve(path.dirname(file), spec)).startsWith('..');
        if (!inside) offending.push(`${path.relative(repoRoot, file)} imports ${spec}`);
      }
    }
    assert.ok(files.length >= 2, 'the scan read common/');
    assert.deepStrictEqual(offending, []);
  });

  it('protocol.ts holds only types and constants, no functions', () => {
    const source = parse(protocolFile);
    assert.ok(source.statements.length > 10, 'the scan read protocol.ts');
    assert.deepStrictEqual(nonDeclarations(source), []);
  });

  it('the scans see what they must refuse', () => {
    // A function, a call in a constant, a value import and a class each count; types and data do not.
    const sample = ts.createSourceFile(
      'sample.ts',
      [
        "import type { Range } from 'x';",
        "import { helper } from 'y';",
        'export interface A { r: Range }',
        "export const M = { method: 'a/b' };",
        "export const C = { x: 'y' } as const;",
        'export const R = make();',
        'export function f() { return 1; }',
        'export class K {}',
        "const g = () => 'x';",
      ].join('\n'),
      ts.ScriptTarget.ES2022,
      true,
    );
    assert.deepStrictEqual(
      nonDeclarations(sample).map((s) => s.replace(/^line \d+: /, '')),
      ["import { helper } from 'y';", 'make()', 'export function f() { return 1; }', 'export class K {}', "() => 'x'"],
    );
    const imports = specifiers(ts.createSourceFile('c.ts', "import a from './a';\nexport * from '../b';\nconst c = require('./c');\nvoid import('./d');", ts.ScriptTarget.ES2022, true));
    assert.deepStrictEqual(imports, ['./a', '../b', './c', './d']);
  });
});
