import { speakingMinutes } from '../model/facts';
import type { DocumentRule } from './types';

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
            'The speech runs about {0} minutes ({1} characters at {2} a minute), over the target of {3} minutes.',
            minutes.toFixed(1),
            model.chars,
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
            message: t('This section runs about {0} minutes, over the target of {1} minutes per section.', m.toFixed(1), config.sectionTargetMinutes),
          });
        }
      }
    }
  },
} as const satisfies DocumentRule;
