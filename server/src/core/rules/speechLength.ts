import { speakingMinutes } from '../model/facts';
import type { DocumentRule } from './types';

/**
 * A figure as a writer reads an estimate: two significant figures (7,200 characters,
 * 12,000, 1,200,000; 2.4 minutes, 36, 4,900), no finer than `leastStep` (hundreds of
 * characters); `up` for a time over a target, so that the figure stated is over it too. The message then changes only where what it tells the writer does, not
 * with every character typed (a new message is a new list of diagnostics to send).
 */
export function roughly(x: number, up = false, leastStep = 0): number {
  if (!(x > 0)) return x;
  const step = Math.max(leastStep, 10 ** (Math.floor(Math.log10(x)) - 1));
  return (up ? Math.ceil(x / step - 1e-9) : Math.round(x / step)) * step;
}

/**
 * A figure `roughly` gives as `toLocaleString('en')` writes it (thousands grouped with commas,
 * at most three decimals), without Intl: its first call loads ICU's locale data, about 20 ms of
 * the first check in a fresh server (issue 17).
 */
export function grouped(n: number): string {
  const [whole, decimals] = String(Number(n.toFixed(3))).split('.');
  return whole.replace(/\B(?=(\d{3})+$)/g, ',') + (decimals ? '.' + decimals : '');
}

export const speechLength = {
  id: 'speech-length',
  name: { zh: '讲话时长', en: 'Speech length' },
  description: {
    zh: '讲话或其中一节的时长超过设定的目标分钟数。',
    en: 'A speech or a section longer than the configured target minutes.',
  },
  defaultSeverity: 'info',
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  check(model, { t, report, config }) {
    const rate = config.speakingRate;
    const minutes = speakingMinutes(model.chars, rate);
    if (config.targetMinutes > 0 && minutes > config.targetMinutes) {
      const at = model.parts.title ?? model.paragraphs.find((p) => !p.comment);
      if (at) {
        report({
          span: { start: at.start, end: at.end },
          message: t(
            'The speech runs about {0} minutes (about {1} characters at {2} a minute), over the target of {3} minutes.',
            grouped(roughly(minutes, true)),
            grouped(roughly(model.chars, false, 100)),
            rate,
            config.targetMinutes,
          ),
        });
      }
    }
    if (config.sectionTargetMinutes > 0) {
      for (const item of model.roots) {
        const m = speakingMinutes(item.chars, rate);
        if (m > config.sectionTargetMinutes) {
          report({
            span: { start: item.marker.start, end: item.heading.end },
            message: t('This section runs about {0} minutes, over the target of {1} minutes per section.', grouped(roughly(m, true)), config.sectionTargetMinutes),
          });
        }
      }
    }
  },
} as const satisfies DocumentRule;
