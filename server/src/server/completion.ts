// Completion at a paragraph start: the next marker of the lists around the
// cursor (after 二、 comes 三、; after 其次， come 再次， and 最后，), and the
// speech's standard phrases where they belong.

import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import { canonicalMarker, LAST_VALUE, type Item, type SpeechModel, type Translate } from '../core';

/** The markers that may follow `item` in its list: the next number, and for sequence words also 最后. */
function nextMarkers(item: Item): string[] {
  const v = item.marker.value;
  if (v === LAST_VALUE) return [];
  const next = canonicalMarker(item.marker, v + 1);
  const out = next ? [next] : [];
  if (item.marker.family === 'sequence' && v >= 2) out.push('最后，');
  return out;
}

export function completions(model: SpeechModel, position: Position, t: Translate): CompletionItem[] {
  const offset = model.lines.offsetAt(position);
  const lineStart = model.lines.lineStarts[position.line];
  const before = model.text.slice(lineStart, offset);
  const prefixMatch = /^[ \t\u3000]*(\S*)$/.exec(before);
  if (!prefixMatch) return [];
  const prefix = prefixMatch[1];
  if (prefix.length > 6) return [];
  const replaceFrom = offset - prefix.length;
  const range = { start: model.lines.positionAt(replaceFrom), end: position };
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (label: string, detail: string, sort: number, kind: CompletionItemKind) => {
    if (seen.has(label) || !label.startsWith(prefix.slice(0, 1))) return;
    seen.add(label);
    out.push({ label, detail, kind, sortText: String(sort).padStart(3, '0'), filterText: label, textEdit: { range, newText: label } });
  };
  // The lists open at the cursor: the item before it and its ancestors.
  const before_ = model.items.filter((i) => i.marker.start < replaceFrom && i.kind !== 'dash');
  const nearest = before_[before_.length - 1];
  let rank = 0;
  for (let item: Item | undefined = nearest; item; item = item.parent) {
    for (const m of nextMarkers(item)) add(m, t('Next item of the list'), rank++, CompletionItemKind.EnumMember);
  }
  const { parts } = model;
  if (!parts.salutation && !nearest) add('同志们：', t('Salutation'), 50, CompletionItemKind.Text);
  if (!parts.transition && !model.roots.some((r) => r.marker.start < replaceFrom)) {
    add('下面，我讲几点意见。', t('Transition announcing the body'), 51, CompletionItemKind.Text);
  }
  if (nearest && !parts.closing) {
    add('同志们，', t('Closing'), 60, CompletionItemKind.Text);
    add('谢谢大家！', t('Closing'), 61, CompletionItemKind.Text);
  }
  return out;
}
