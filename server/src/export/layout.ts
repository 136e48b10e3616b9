// The printed layout of a speech (GB/T 9704-2012, which printed speeches
// follow). Every value is an option; these are the defaults.

export interface DocxLayout {
  /** A4. */
  pageWidthMm: number;
  pageHeightMm: number;
  /** Type area 156 × 225 mm. */
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  /** 3号 仿宋_GB2312; 22 lines of 28 characters a page. */
  bodyFont: string;
  bodySizePt: number;
  linesPerPage: number;
  charsPerLine: number;
  /** 2号 方正小标宋简体, centred, a blank line below. */
  titleFont: string;
  titleSizePt: number;
  /** Date and speaker lines: centred, 3号 楷体_GB2312. */
  dateFont: string;
  /** Levels one to four: 黑体, 楷体_GB2312, 仿宋_GB2312, 仿宋_GB2312. */
  headingFonts: [string, string, string, string];
  /** 4号 宋体, `— 1 —`, outside edge, one character in. */
  pageNumberFont: string;
  pageNumberSizePt: number;
  /** The 【提纲】 block is left out unless this is set. */
  keepOutlineBlock: boolean;
}

export const DEFAULT_LAYOUT: Readonly<DocxLayout> = Object.freeze({
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  bodyFont: '仿宋_GB2312',
  bodySizePt: 16,
  linesPerPage: 22,
  charsPerLine: 28,
  titleFont: '方正小标宋简体',
  titleSizePt: 22,
  dateFont: '楷体_GB2312',
  headingFonts: ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'],
  pageNumberFont: '宋体',
  pageNumberSizePt: 14,
  keepOutlineBlock: false,
} as DocxLayout);

export const twipsOfMm = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/**
 * The grid that gives `linesPerPage` lines of `charsPerLine` characters in the
 * type area: the line pitch, and the spacing between body characters (twips;
 * negative to fit 28 characters of 16 pt into 156 mm).
 */
export function grid(layout: DocxLayout): { linePitch: number; letterSpacing: number; typeWidth: number; typeHeight: number } {
  const typeWidth = twipsOfMm(layout.pageWidthMm - layout.marginLeftMm - layout.marginRightMm);
  const typeHeight = twipsOfMm(layout.pageHeightMm - layout.marginTopMm - layout.marginBottomMm);
  const linePitch = Math.floor(typeHeight / layout.linesPerPage);
  const letterSpacing = Math.floor(typeWidth / layout.charsPerLine - layout.bodySizePt * 20);
  return { linePitch, letterSpacing, typeWidth, typeHeight };
}
