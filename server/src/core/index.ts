// The core's public surface: used by the language server, the command line and the tests.

export * from './types';
export * from './check';
export * from './fixes';
export { sameItems } from './givenAgain';
export * from './l10n';
export * from './numbering';
export { outlineBlockLines, updateOutlineBlockEdit } from './outlineBlockText';
export * from './outlineBlockPairing';
export * from './signal/accept';
export * from './signal/gaps';
export * from './signal/grouping';
export * from './signal/ranking';
export * from './signal/renumber';
export * from './config/config';
export * from './config/settings';
export { checkPatternSafety } from './config/patterns';
export { buildModel, createModelCaches } from './model/build';
export type * from './model/types';
export { LineIndex, type Position } from './text/lineIndex';
export { countSpeechChars } from './text/chars';
export { fnv1a } from './text/hash';
export { firstAtOrAfter } from './text/search';
export * from './model/facts';
export { moveSectionEdit, type MoveOutcome, type MoveTarget } from './moveSection';
export { allRules, ruleById, RULE_IDS, type Rule } from './rules';
export type { DraftFormat, ExportBlock, FixKind } from './rules/types';
export { HEADING_FAMILIES, LAST as LAST_VALUE, type Family } from './parse/markers';
