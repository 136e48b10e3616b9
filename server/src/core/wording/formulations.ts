// The shape of a standard formulation (规范表述): an enumeration with its
// members in order, or a fixed name of a body or a meeting, with the labels or
// names it replaced. The shipped list is data/formulations.json (loaded with
// the wording data, outside the server bundle); users add their own in config
// (`formulations`, same shape). Members are the atoms of the list as they
// stand between 、 and ，.

export interface Formulation {
  /** The label (四个意识), the name (全国人民代表大会常务委员会), or for a list without a label how a message names it. */
  name: string;
  /** Members in order; a fixed name has none. */
  members?: readonly string[];
  /** The label is written in quotation marks (“四个意识”). */
  quoted?: boolean;
  /** Other labels of the same list (五大发展理念). */
  aliases?: readonly string[];
  /** Labels or names out of date from `since` on (三个自信), each with what may follow it without it being one (部门). */
  replaces?: ReadonlyArray<{ name: string; notBefore?: string }>;
  /** The document that fixed it. */
  source: string;
  /** `YYYY-MM-DD`: from when it holds. */
  since: string;
}

/** data/formulations.json, shipped in dist/wording-data.bin (see typoData.ts). */
export interface ShippedFormulations {
  /** The date of the list: entries fixed after it are not in it. */
  date: string;
  enumerations: Formulation[];
  /** Full names of bodies and meetings: misspelt (one character off inside a name of seven or more), or out of date (`replaces`). */
  names: Formulation[];
}
