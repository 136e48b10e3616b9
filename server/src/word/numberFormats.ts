// A counter's value as Word prints it for a `w:numFmt`: 一 二 三, 壹 贰 叁,
// 甲 乙 丙, ① ② ③, １ ２ ３… Formats a speech never uses fall back to 1 2 3.

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const CN_LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * Chinese counting: 一 … 十, 十一, 二十, 一百零五, 一千零一十. `units` are the
 * words for ten, hundred, thousand; `zero` fills a gap; 十 alone for 10–19
 * unless `tenOne` (壹拾).
 */
function counting(n: number, digits: string, units: string, zero: string, tenOne = false): string {
  if (n === 0) return digits[0];
  if (n >= 10000) {
    const high = Math.floor(n / 10000);
    const low = n % 10000;
    return counting(high, digits, units, zero, tenOne) + '万' + (low === 0 ? '' : (low < 1000 ? zero : '') + counting(low, digits, units, zero, true));
  }
  let out = '';
  let gap = false;
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = [units[2], units[1], units[0], ''];
  for (let i = 0; i < 4; i++) {
    const d = parts[i];
    if (d === 0) {
      if (out) gap = true;
      continue;
    }
    if (gap) out += zero;
    gap = false;
    // 十一, not 一十一, when ten is the highest place.
    out += i === 2 && d === 1 && !out && !tenOne ? unitOf[i] : digits[d] + unitOf[i];
  }
  return out;
}

function enclosed(n: number, first: number, count: number): string | undefined {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : undefined;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A, B, … Z, AA, BB, … as Word repeats letters. */
function letters(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** `value` in the format `numFmt`; `bullet` and `none` give '' (the caller prints a bullet's text as it is). */
export function formatNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return value >= 0 && value < 10 ? '0' + value : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(String(value));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      // ①–⑳, then ㉑–㉟ and ㊱–㊿.
      return enclosed(value, 0x2460, 20) ?? enclosed(value - 20, 0x3251, 15) ?? enclosed(value - 35, 0x32b1, 15) ?? String(value);
    case 'decimalEnclosedParen':
      return enclosed(value, 0x2474, 20) ?? String(value);
    case 'decimalEnclosedFullstop':
      return enclosed(value, 0x2488, 20) ?? String(value);
    case 'ideographEnclosedCircle':
      return enclosed(value, 0x3280, 10) ?? String(value);
    case 'ideographParenthesized':
      return enclosed(value, 0x3220, 10) ?? String(value);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return counting(value, CN_DIGITS, '十百千', '零');
    case 'chineseLegalSimplified':
      return counting(value, CN_LEGAL, '拾佰仟', '零', true);
    case 'ideographLegalTraditional':
      return counting(value, CN_LEGAL_TRADITIONAL, '拾佰仟', '零', true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(value).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)]);
    case 'ideographTraditional':
      return value >= 1 && value <= 10 ? STEMS[value - 1] : String(value);
    case 'ideographZodiac':
      return value >= 1 && value <= 12 ? BRANCHES[value - 1] : String(value);
    case 'ideographZodiacTraditional':
      // 甲子, 乙丑, … the sixty-year cycle.
      return value >= 1 && value <= 60 ? STEMS[(value - 1) % 10] + BRANCHES[(value - 1) % 12] : String(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value);
    case 'lowerLetter':
      return letters(value).toLowerCase();
    default:
      return String(value);
  }
}
