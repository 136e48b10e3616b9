// The TextMate grammar, run by the engine VS Code uses (vscode-textmate with
// Oniguruma): each part of a draft gets its scope.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../helpers/corpus';

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'text.speech'
        ? textmate.parseRawGrammar(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'speech.tmLanguage.json'), 'utf8'), 'speech.tmLanguage.json')
        : null,
  });
  grammar = (await registry.loadGrammar('text.speech'))!;
});

/** Each token's text and scopes, line by line. */
function tokens(text: string): Array<{ text: string; scopes: string }> {
  const out: Array<{ text: string; scopes: string }> = [];
  let stack = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') });
    stack = r.ruleStack;
  }
  return out;
}

function scopeOf(all: ReturnType<typeof tokens>, text: string): string {
  const t = all.find((x) => x.text === text);
  assert.ok(t, `no token “${text}” in ${JSON.stringify(all.map((x) => x.text))}`);
  return t.scopes;
}

describe('grammar', () => {
  const draft = [
    '【提纲】一、认清形势。二、狠抓落实。',
    '',
    '在全区秋季防火工作会议上的讲话',
    '同志们：',
    '一、认清形势',
    '（二）压实责任',
    '3.加强巡查',
    '（4）落实值守',
    '　　第二，要管住火源。首先，要巡查。一是查隐患。',
    '——必须守住底线。',
    '全区共有*个检查站，××同志说“要抓好落实”，学习《条例》。',
    '<!-- speech-draft-disable-next-line placeholder -->',
  ].join('\n');
  const all = () => tokens(draft);

  it('scopes the four heading levels, marker and text apart', () => {
    const t = all();
    assert.match(scopeOf(t, '一、'), /markup\.heading\.1\.speech punctuation\.definition\.heading\.1\.speech/);
    assert.match(scopeOf(t, '认清形势'), /entity\.name\.section\.1\.speech/);
    assert.match(scopeOf(t, '（二）'), /markup\.heading\.2\.speech/);
    assert.match(scopeOf(t, '压实责任'), /entity\.name\.section\.2\.speech/);
    assert.match(scopeOf(t, '3.'), /markup\.heading\.3\.speech/);
    assert.match(scopeOf(t, '（4）'), /markup\.heading\.4\.speech/);
  });
  it('scopes the title, the salutation and the 【提纲】 block', () => {
    const t = all();
    assert.match(scopeOf(t, '在全区秋季防火工作会议上的讲话'), /markup\.heading\.title\.speech/);
    assert.match(scopeOf(t, '同志们：'), /keyword\.other\.salutation\.speech/);
    assert.match(scopeOf(t, '【提纲】'), /keyword\.control\.outline\.speech/);
    assert.match(scopeOf(t, '一、认清形势。二、狠抓落实。'), /markup\.quote\.outline\.speech/);
  });
  it('scopes run-in ordinals, sequence words, inline enumerations and dash lists', () => {
    const t = all();
    assert.match(scopeOf(t, '第二，'), /keyword\.control\.ordinal\.speech/);
    assert.match(scopeOf(t, '首先，'), /keyword\.control\.ordinal\.speech/);
    assert.match(scopeOf(t, '一是'), /keyword\.other\.enumeration\.speech/);
    assert.match(scopeOf(t, '——'), /markup\.list\.unnumbered\.speech/);
  });
  it('scopes placeholders, quotations, titles of works and comments', () => {
    const t = all();
    assert.match(scopeOf(t, '*'), /invalid\.illegal\.placeholder\.speech/);
    assert.match(scopeOf(t, '××'), /invalid\.illegal\.placeholder\.speech/);
    assert.ok(t.some((x) => x.text.includes('要抓好落实') && /string\.quoted\.double\.speech/.test(x.scopes)));
    assert.match(scopeOf(t, '《条例》'), /string\.quoted\.other\.title\.speech/);
    assert.ok(t.some((x) => x.text.includes('speech-draft-disable') && /comment\.block\.speech/.test(x.scopes)));
  });
  it('leaves lookalikes in running text unscoped', () => {
    const t = tokens('我国经济跃居世界第二，但大而不强。第一次会议召开。');
    assert.ok(!t.some((x) => /ordinal/.test(x.scopes)), JSON.stringify(t));
  });
});
