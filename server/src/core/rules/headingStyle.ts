import type { Item, SpeechModel } from '../model/types';
import type { DocumentRule } from './types';

// GB/T 15834 B.4: a heading ends without punctuation; ？ ！ …… are allowed.
const STRAY_END = new Set(Array.from('。，、；：.,;:'));

/** A one-paragraph item with no text of its own below is a list item, not a heading. */
function hasBody(model: SpeechModel, item: Item): boolean {
  return item.span.end > model.paragraphs[item.marker.paragraph].end;
}

export const headingStyle: DocumentRule = {
  id: 'heading-style',
  description: {
    zh: '独立成行的标题末尾用了句号、逗号或顿号，或标题过长。',
    en: 'A stand-alone heading line ending in 。，、 or longer than the configured limit.',
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'document',
  check(model, { t, report, config }) {
    for (const item of model.items) {
      if (item.kind !== 'heading' || !item.standalone || !hasBody(model, item)) continue;
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
};
