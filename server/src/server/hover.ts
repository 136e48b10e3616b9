// Hover: on a heading, the section's length and sub-items; on a finding, the
// rule's explanation with its wrong and right examples.

import type { Hover, Position } from 'vscode-languageserver/node';
import { byRank, onHeading, ruleById, speakingMinutes, type Finding, type RuleId, type Translate } from '../core';
import type { Analysis } from './analysis';
import { RULE_DOCS } from './ruleDocs';

/** The wrong and right examples of a rule's doc, as Markdown. */
function ruleExamples(id: RuleId): string {
  const doc = RULE_DOCS[id] ?? '';
  const sections = doc.split(/^## /m).slice(1);
  return sections
    .filter((s) => /^(错误示例|正确示例)/.test(s))
    .map((s) => `**${s.slice(0, s.indexOf('\n')).trim()}**\n${s.slice(s.indexOf('\n')).trim()}`)
    .join('\n\n');
}

/**
 * Draft text as literal Markdown: every ASCII punctuation mark is
 * backslash-escaped (CommonMark allows it before any of them), so links,
 * HTML, emphasis, code spans and autolinks written in a heading show as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** The first `n` characters, never splitting a surrogate pair. */
function prefix(text: string, n: number): string {
  const cut = text.length > n && /[\ud800-\udbff]/.test(text[n - 1]) ? n - 1 : n;
  return text.slice(0, cut);
}

export function hover(a: Analysis, position: Position, t: Translate): Hover | null {
  const { model, findings } = a.result;
  const offset = model.lines.offsetAt(position);
  const parts: string[] = [];
  const item = model.items
    .filter((i) => i.kind !== 'inline' && onHeading(i, offset))
    .sort((x, y) => y.depth - x.depth)[0];
  if (item) {
    const minutes = speakingMinutes(item.chars, a.config.speakingRate).toFixed(1);
    const lines = [`**${escapeMarkdown(item.marker.text + item.headingText)}**`, '', t('{0} characters, about {1} minutes at {2} a minute.', item.chars, minutes, a.config.speakingRate)];
    const subs = item.children.filter((c) => c.kind !== 'dash');
    if (subs.length) {
      lines.push('', t('{0} sub-items:', subs.length));
      for (const c of subs) lines.push(`- ${escapeMarkdown(c.marker.text + prefix(c.headingText, 30))}（${t('{0} characters', c.chars)}）`);
    }
    parts.push(lines.join('\n'));
  }
  const seen = new Set<string>();
  const on = (s: { span: { start: number; end: number } }) => s.span.start <= offset && offset <= s.span.end;
  // Structure first; a grouped finding where one of its marks is, that mark named.
  const here: Array<{ f: Finding; mark?: Finding }> = [];
  for (const f of findings) {
    if (f.span.start > offset) break;
    const mark = f.members?.find(on);
    if (on(f) || mark) here.push({ f, mark });
  }
  for (const { f, mark } of here.sort((x, y) => byRank(x.f, y.f))) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    const rule = ruleById(f.rule);
    // The rule's name and description in the writer's language (the bundle's entries are generated from the rule).
    const about = rule ? t('**{0}** (`{1}`): {2}', t(rule.name.en), f.rule, t(rule.description.en)) : `**${f.rule}**`;
    const marks = mark ? [t('Here: {0}', escapeMarkdown(mark.message)), escapeMarkdown(f.message), ''] : [];
    parts.push([about, '', ...marks, ruleExamples(f.rule)].join('\n'));
  }
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}
