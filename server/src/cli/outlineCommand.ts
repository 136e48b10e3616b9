// `speech-draft outline FILE`: the heading tree (headings and run-in
// headings, indented by level) with each section's characters and minutes,
// then the total.

import { buildModel, isSection, speakingMinutes, type Item, type SpeechModel, type Translate } from '../core';
import type { CliArgs } from './args';
import { ConfigResolver } from './configs';
import { readDraft } from './draftFile';
import { bilingualLine, message } from './messages';
import type { Io } from './io';
import { escapeControls } from './terminalText';

export function outlineLines(model: SpeechModel, speakingRate: number, t: Translate): string[] {
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

export function runOutline(args: CliArgs, t: Translate, io: Io): number {
  const file = args.paths[0];
  const read = readDraft(file);
  if (read.kind === 'binary') {
    io.err(bilingualLine(message('{0}: skipped: it is a binary file.', file)));
    return 2;
  }
  if (read.kind === 'refused') {
    io.err(bilingualLine(message('{0}: {1}.', file, read.reason)));
    return 2;
  }
  const config = new ConfigResolver(args.config, (line) => io.err(`speech-draft: ${escapeControls(line)}\n`)).configFor(file);
  // Headings are the draft's text: their control characters are shown escaped.
  io.out(outlineLines(buildModel(read.draft.text), config.speakingRate, t).map(escapeControls).join('\n') + '\n');
  return 0;
}
