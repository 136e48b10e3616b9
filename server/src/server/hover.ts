// Hover: on a heading, the section's length and sub-items; on a finding, the
// rule's explanation with its wrong and right examples.

import type { Hover, Position } from 'vscode-languageserver/node';
import { onHeading, ruleById, speakingMinutes, type Locale, type Translate } from '../core';
import type { Analysis } from './analysis';
import { ruleExamples } from './ruleDocs';

export function hover(a: Analysis, position: Position, t: Translate, locale: Locale): Hover | null {
  const { model, findings } = a.result;
  const offset = model.lines.offsetAt(position);
  const parts: string[] = [];
  const item = model.items
    .filter((i) => i.kind !== 'inline' && onHeading(i, offset))
    .sort((x, y) => y.depth - x.depth)[0];
  if (item) {
    const minutes = speakingMinutes(item.chars, a.config.speakingRate).toFixed(1);
    const lines = [`**${item.marker.text}${item.headingText}**`, '', t('{0} characters, about {1} minutes at {2} a minute.', item.chars, minutes, a.config.speakingRate)];
    const subs = item.children.filter((c) => c.kind !== 'dash');
    if (subs.length) {
      lines.push('', t('{0} sub-items:', subs.length));
      for (const c of subs) lines.push(`- ${c.marker.text}${c.headingText.slice(0, 30)}（${t('{0} characters', c.chars)}）`);
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
