// `speech-draft outline FILE`: the heading tree (headings and run-in
// headings, indented by level) with each section's characters and minutes,
// then the total.

import { buildModel, isSection, speakingMinutes, type Item, type SpeechModel, type Translate } from '../core';
import type { CliArgs } from './args';
import type { CommandContext } from './context';
import { EXIT } from './exitCodes';
import { loadDraft } from './loadDraft';
import { escapeControls } from './terminalText';

export function headingTreeLines(model: SpeechModel, speakingRate: number, t: Translate): string[] {
  const minutes = (chars: number) => speakingMinutes(chars, speakingRate).toFixed(1);
  const lines: string[] = [];
  const walk = (items: readonly Item[], level: number) => {
    for (const item of items) {
      const shown = isSection(item);
      if (shown) {
        const size = t('{0} characters, {1} min', item.chars, minutes(item.chars));
        lines.push(`${'  '.repeat(level)}${item.marker.text}${item.headingText}  ${size}`);
      }
      // Below an inline item (一是…) a heading is rare, but it keeps its place under the last shown one.
      walk(item.children, shown ? level + 1 : level);
    }
  };
  walk(model.roots, 0);
  if (lines.length === 0) lines.push(t('(no headings)'));
  lines.push(t('Total: {0} characters, about {1} minutes at {2} characters a minute.', model.chars, minutes(model.chars), speakingRate));
  return lines;
}

export function runHeadingTree(args: CliArgs, { t, io, configs }: CommandContext): number {
  const file = args.paths[0];
  const loaded = loadDraft(file, io);
  if (loaded.kind !== 'draft') return EXIT.trouble;
  const config = configs.configFor(file);
  // Headings are the draft's text: their control characters are shown escaped.
  io.out(headingTreeLines(buildModel(loaded.draft.text), config.speakingRate, t).map(escapeControls).join('\n') + '\n');
  return EXIT.clean;
}
