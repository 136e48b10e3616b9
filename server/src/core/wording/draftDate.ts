// The draft's date, as `YYYY-MM-DD`: its date line (`2025年3月5日`,
// `二〇二五年三月五日`), else the configured `draftDate`, else today.

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `2025`, `２０２５`, `二〇二五`, `十二`, `三十一` as a number; NaN if it is none of these. */
function numberOf(s: string): number {
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  if (/^[〇零一二三四五六七八九]{2,4}$/.test(s)) return Number([...s].map((c) => DIGIT[c]).join(''));
  // 五, 十, 十二, 二十, 三十一
  const m = /^(?:([一二三])?(十))?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return NaN;
  return (m[2] ? (m[1] ? DIGIT[m[1]] : 1) * 10 : 0) + (m[3] ? DIGIT[m[3]] : 0);
}

const DATE = /([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日/;

/** The date written in a date line, or undefined. */
export function dateInLine(line: string): string | undefined {
  const m = DATE.exec(line);
  if (!m) return undefined;
  const [y, mo, d] = [numberOf(m[1]), numberOf(m[2]), numberOf(m[3])];
  if (!(y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
