// The section templates: each expands, with its default words, to text the
// checker finds structurally sound.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkText } from '../../server/src/core';
import { repoRoot } from '../helpers/corpus';

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

const snippets: Record<string, Snippet> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'speech.code-snippets'), 'utf8'));

/** Expands a snippet as an editor does when the writer accepts every default. */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  let text = body.replace(/\$\{(\d+)\|([^|}]*)(?:,[^|}]*)*\|\}/g, (_, n: string, first: string) => {
    defaults.set(n, first);
    return first;
  });
  text = text.replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, d: string) => {
    defaults.set(n, d);
    return d;
  });
  return text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? '');
}

const STRUCTURE = ['numbering-sequence', 'numbering-style', 'numbering-hierarchy', 'outline-consistency', 'announced-count', 'heading-style', 'speech-structure'];

describe('snippets', () => {
  it('each has a Chinese description and prefixes in pinyin and in Chinese', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.match(s.description, /[\u4e00-\u9fff]/, name);
      assert.ok(s.prefix.some((p) => /^[a-z]+$/.test(p)), `${name}: a pinyin prefix`);
      assert.ok(s.prefix.some((p) => /[\u4e00-\u9fff]/.test(p)), `${name}: a Chinese prefix`);
    }
  });

  it('the skeleton expands to a whole speech with no structural finding', () => {
    const text = expandSnippet(snippets['讲话稿框架'].body.join('\n'));
    const r = checkText(text);
    assert.deepStrictEqual(r.findings.filter((f) => STRUCTURE.includes(f.rule)).map((f) => `${f.rule}: ${f.message}`), []);
    assert.strictEqual(r.model.parts.outlineBlock!.items.length, 3);
    assert.deepStrictEqual(r.model.roots.map((i) => i.marker.text + i.headingText), [
      '一、提高思想认识，增强工作责任感',
      '二、突出工作重点，推动任务落实',
      '三、加强组织领导，强化工作保障',
    ]);
    assert.ok(r.model.parts.title && r.model.parts.salutation && r.model.parts.transition && r.model.parts.closing);
    // The date is left for the writer to fill in, and the checker says so.
    assert.ok(r.findings.some((f) => f.rule === 'placeholder'));
  });

  it('the lists expand to correctly numbered lists', () => {
    for (const name of ['三段式正文', '第一第二第三', '首先其次再次最后', '一是二是三是']) {
      const r = checkText(expandSnippet(snippets[name].body.join('\n')));
      assert.deepStrictEqual(r.findings.filter((f) => f.rule.startsWith('numbering')).map((f) => f.message), [], name);
      assert.strictEqual(r.model.groups[0].items.length, name === '首先其次再次最后' ? 4 : 3, name);
    }
  });
});
