// A Word document of a short speech, built with the `docx` package, with
// its defects written in (a placeholder, half-width marks, two and four in a
// paragraph) and their twins; automatic numbering at two levels. Used by the
// CLI, the language server and the real-VS-Code tests.

import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

/** Each paragraph: automatic numbering at level 0 or 1, or none; its text; and the draft text the reader gives. */
export const PARAGRAPHS: Array<{ level?: 0 | 1; text: string; shown: string }> = [
  { text: '在全区防汛工作会议上的讲话', shown: '在全区防汛工作会议上的讲话' },
  { text: '同志们：', shown: '同志们：' },
  { level: 0, text: '提高思想认识', shown: '一、提高思想认识' },
  // The defect: ×××, a placeholder left in (expect placeholder at ¶4).
  { text: '今年入汛以来，×××同志多次到一线检查指导。', shown: '今年入汛以来，×××同志多次到一线检查指导。' },
  // Its twin: a name written in, quiet.
  { text: '今年入汛以来，张明同志多次到一线检查指导。', shown: '今年入汛以来，张明同志多次到一线检查指导。' },
  { level: 0, text: '落实防汛责任', shown: '二、落实防汛责任' },
  { level: 1, text: '压实乡镇责任', shown: '（一）压实乡镇责任' },
  { level: 1, text: '备足防汛物资', shown: '（二）备足防汛物资' },
  // Two half-width commas (expect two punctuation-width comments).
  { text: '各乡镇要守住堤防,备足物资,确保安全度汛。', shown: '各乡镇要守住堤防,备足物资,确保安全度汛。' },
  // Four half-width marks in one paragraph (expect one comment over them all).
  { text: '要做到:查险情,排隐患,补短板,强弱项。', shown: '要做到:查险情,排隐患,补短板,强弱项。' },
  // Its twin: full-width marks, quiet.
  { text: '要做到：查险情，排隐患，补短板，强弱项。', shown: '要做到：查险情，排隐患，补短板，强弱项。' },
  { text: '同志们，让我们坚定信心，扎实工作，确保安全度汛。谢谢大家！', shown: '同志们，让我们坚定信心，扎实工作，确保安全度汛。谢谢大家！' },
];

/** Word's automatic numbering of a speech, reference `speech`: 一、 at level 0, （一） at level 1. */
export const SPEECH_NUMBERING = {
  config: [
    {
      reference: 'speech',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
      ],
    },
  ],
};

export async function speechDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: SPEECH_NUMBERING,
    sections: [
      {
        children: PARAGRAPHS.map(
          (p) => new Paragraph({ ...(p.level !== undefined ? { numbering: { reference: 'speech', level: p.level } } : {}), children: [new TextRun(p.text)] }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The draft text the reader gives: one paragraph a line, a blank line between. */
export const SPEECH_DOCX_TEXT = PARAGRAPHS.map((p) => p.shown).join('\n\n');
