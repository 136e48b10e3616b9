// Paragraph styles (word/styles.xml): what makes a paragraph a title or a
// heading of some level, and the numbering a style brings, through `basedOn`.

import { attr, child, childVal, children, type XmlElement } from './xml';

export interface NumberingRef {
  numId?: string;
  ilvl?: number;
}

interface Style {
  id: string;
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numbering?: NumberingRef;
}

export type ParagraphKind = 'title' | 'subtitle' | 'heading' | 'body';

/** Names Word, WPS and LibreOffice give the built-in styles, English or Chinese. */
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;
const SUBTITLE_NAME = /^(?:subtitle|副标题)$/i;

export class Styles {
  private readonly byId = new Map<string, Style>();
  /** Numbering styles (what `w:numStyleLink` names): their numId. */
  private readonly numberingStyles = new Map<string, string | undefined>();
  /** The style of paragraphs that name none (Normal). */
  readonly defaultId?: string;

  constructor(root?: XmlElement) {
    let defaultId: string | undefined;
    for (const s of children(child(root, 'styles'), 'style')) {
      const id = attr(s.tag, 'styleId') ?? '';
      if (attr(s.tag, 'type') === 'numbering') this.numberingStyles.set(id, childVal(child(child(s, 'pPr'), 'numPr'), 'numId'));
      if (attr(s.tag, 'type') !== 'paragraph') continue;
      const pPr = child(s, 'pPr');
      const numPr = child(pPr, 'numPr');
      const outline = childVal(pPr, 'outlineLvl');
      const ilvl = childVal(numPr, 'ilvl');
      this.byId.set(id, {
        id,
        name: childVal(s, 'name') ?? id,
        basedOn: childVal(s, 'basedOn'),
        outlineLevel: outline !== undefined ? Number(outline) : undefined,
        numbering: numPr ? { numId: childVal(numPr, 'numId'), ilvl: ilvl !== undefined ? Number(ilvl) : undefined } : undefined,
      });
      const d = attr(s.tag, 'default');
      if (d === '1' || d === 'true' || d === 'on') defaultId = id;
    }
    this.defaultId = defaultId;
  }

  name(id: string | undefined): string | undefined {
    return this.byId.get(id ?? this.defaultId ?? '')?.name;
  }

  /** The style and those it is based on, nearest first (a loop is cut). */
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    let s = this.byId.get(id ?? this.defaultId ?? '');
    while (s && !out.includes(s) && out.length < 32) {
      out.push(s);
      s = s.basedOn !== undefined ? this.byId.get(s.basedOn) : undefined;
    }
    return out;
  }

  /**
   * Title, subtitle, heading (level 1–9) or body: the paragraph's own outline
   * level, else its style's (inherited), else the style's name.
   */
  kindOf(styleId: string | undefined, ownOutlineLevel: number | undefined): { kind: ParagraphKind; level?: number } {
    const chain = this.chain(styleId);
    const outline = ownOutlineLevel ?? chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
    if (outline !== undefined && outline >= 0 && outline <= 8) return { kind: 'heading', level: outline + 1 };
    for (const s of chain) {
      const heading = HEADING_NAME.exec(s.name.trim());
      if (heading) return { kind: 'heading', level: Number(heading[1]) };
      if (TITLE_NAME.test(s.name.trim())) return { kind: 'title' };
      if (SUBTITLE_NAME.test(s.name.trim())) return { kind: 'subtitle' };
      // An outline level of 9 (body text) set on the way stops the search by name too.
      if (s.outlineLevel !== undefined) break;
    }
    return { kind: 'body' };
  }

  /** The numbering the style brings (its own or inherited; numId and ilvl may come from different styles). */
  numberingOf(styleId: string | undefined): NumberingRef | undefined {
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (const s of this.chain(styleId)) {
      numId ??= s.numbering?.numId;
      ilvl ??= s.numbering?.ilvl;
    }
    return numId !== undefined ? { numId, ilvl } : undefined;
  }

  /** The id of the paragraph's style as it applies: its own, or the default. */
  effectiveId(styleId: string | undefined): string | undefined {
    return styleId ?? this.defaultId;
  }

  /** The numId of the numbering style a `w:numStyleLink` names. */
  numIdOfNumberingStyle(id: string): string | undefined {
    return this.numberingStyles.get(id);
  }
}
