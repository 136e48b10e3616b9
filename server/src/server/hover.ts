// Hover: on a heading, the section's length and sub-items; on a finding, the
// rule's explanation with its wrong and right examples.

import type { Hover, Position } from 'vscode-languageserver/node';
import { ruleById, type Locale, type Translate } from '../core';
import type { Analysis } from './analysis';
import { ruleExamples } from './ruleDocs';

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

export function hover(a: Analysis, position: Position, t: Translate, locale: Locale): Hover | null {
  const { model, findings } = a.result;
  const offset = model.lines.offsetAt(position);
  const parts: string[] = [];
  const item = model.items
    .filter((i) => i.kind !== 'inline' && i.marker.start <= offset && offset <= Math.max(i.heading.end, i.marker.end))
    .sort((x, y) => y.depth - x.depth)[0];
  if (item) {
    const minutes = (item.chars / a.config.speakingRate).toFixed(1);
    const lines = [`**${escapeMarkdown(item.marker.text + item.headingText)}**`, '', t('{0} characters, about {1} minutes at {2} a minute.', item.chars, minutes, a.config.speakingRate)];
    const subs = item.children.filter((c) => c.kind !== 'dash');
    if (subs.length) {
      lines.push('', t('{0} sub-items:', subs.length));
      for (const c of subs) lines.push(`- ${escapeMarkdown(c.marker.text + prefix(c.headingText, 30))}（${t('{0} characters', c.chars)}）`);
    }
    parts.push(lines.join('\n'));
  }
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.span.start > offset || offset > f.span.end || seen.has(f.rule)) continue;
    seen.add(f.rule);
    const rule = ruleById(f.rule);
    const description = rule ? (locale === 'en' ? rule.description.en : rule.description.zh) : '';
    parts.push([`**${f.rule}**: ${description}`, '', ruleExamples(f.rule)].join('\n'));
  }
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}
