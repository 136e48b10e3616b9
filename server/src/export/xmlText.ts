// Text a .docx can hold. Its parts are XML 1.0, which has no place for most
// C0 controls, for U+FFFE and U+FFFF, or for a surrogate without its other
// half: one of them in document.xml and Word refuses the whole file. The
// editor can hand over any of them; they are written as U+FFFD and counted.

/** C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF; a lone high or low surrogate. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const REPLACEMENT_CHARACTER = '\ufffd';

export interface ExportReport {
  /** Characters XML 1.0 forbids, written as U+FFFD. */
  replaced: number;
}

/** `text` with what XML 1.0 forbids replaced by U+FFFD, adding the count to `report`. */
export function xmlSafe(text: string, report: ExportReport): string {
  return text.replace(NOT_IN_XML, () => {
    report.replaced++;
    return REPLACEMENT_CHARACTER;
  });
}
