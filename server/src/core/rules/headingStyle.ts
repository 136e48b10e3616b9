import type { Item, SpeechModel } from '../model/types';
import type { DocumentRule } from './types';

// GB/T 15834 B.4: a heading ends without punctuation; ？ ！ …… are allowed.
const STRAY_END = new Set(Array.from('。，、；：.,;:'));

function hasBody(model: SpeechModel, item: Item): boolean {
  return item.span.end > model.paragraphs[item.marker.paragraph].end;
}

/**
 * Items of a list, not headings: one-paragraph items with no text of their own
 * below. When at least half of a group is like that, the whole group is a list
 * (its last item only seems to have a body: the text after the list).
 */
function isListItem(model: SpeechModel, item: Item): boolean {
  const bare = item.group.items.filter((i) => !hasBody(model, i)).length;
  return !hasBody(model, item) || bare * 2 >= item.group.items.length;
}

export const headingStyle = {
  id: 'heading-style',
  name: { zh: '标题格式', en: 'Heading form' },
  description: {
    zh: '独立成行的标题末尾用了句号、逗号或顿号，或标题过长。',
    en: 'A stand-alone heading line ending in 。，、 or longer than the configured limit.',
  },
  defaultSeverity: 'warning',
  fixes: 'safe',
  blocksExport: 'error',
  scope: 'document',
  check(model, { t, report, config }) {
    for (const item of model.items) {
      if (item.kind !== 'heading' || !item.standalone || isListItem(model, item)) continue;
      const paragraph = model.paragraphs[item.marker.paragraph];
      const last = model.text[paragraph.end - 1];
      if (STRAY_END.has(last)) {
        report({
          span: { start: paragraph.end - 1, end: paragraph.end },
          message: t('A heading ends without punctuation: remove “{0}”.', last),
          fixes: [{ title: t('Remove “{0}”', last), edits: [{ start: paragraph.end - 1, end: paragraph.end, newText: '' }], safe: true }],
        });
      }
      const length = Array.from(item.headingText.replace(/\s/g, '')).length;
      if (length > config.headingMaxLength) {
        report({
          span: item.heading,
          message: t('The heading has {0} characters, more than {1}: shorten it.', length, config.headingMaxLength),
        });
      }
    }
  },
} as const satisfies DocumentRule;
