// The grouping of findings as it was before it was made one walk without a map
// of every member (issue 17), with the removed-text filter and the paragraph
// look-up written the plain way: the independent version the property test
// compares `groupFindings` with.

import { message, type Translate } from '../../../server/src/core/l10n';
import type { SpeechModel } from '../../../server/src/core/model/types';
import { isStructural } from '../../../server/src/core/signal/ranking';
import type { Finding, Fix, Span } from '../../../server/src/core/types';

const GROUPED = [
  {
    rule: 'punctuation-width',
    over: 3,
    message: message('This paragraph has {0} half-width marks ({1}): use full-width ones.'),
    paragraphFix: message('Make the {0} marks of this paragraph full-width'),
  },
];
const groupedRule = (rule: string) => GROUPED.find((g) => g.rule === rule);
const inside = (s: Span, outer: Span) => outer.start <= s.start && s.end <= outer.end;

/** As documented: a finding of a rule that is not structural, wholly inside another rule's removal, is dropped (a search per finding). */
function withoutFindingsInRemovedText(findings: readonly Finding[]): Finding[] {
  const removed = findings.filter((f) => f.unnecessary && f.span.end > f.span.start);
  return findings.filter((f) => f.unnecessary || isStructural(f.rule) || !removed.some((r) => r.rule !== f.rule && inside(f.span, r.span)));
}

/** The paragraph holding an offset: the first one ending at or after it, if it starts at or before it. */
function paragraphAt(model: SpeechModel, offset: number): number {
  const i = model.paragraphs.findIndex((p) => p.end >= offset);
  return i >= 0 && model.paragraphs[i].start <= offset ? i : -1;
}

function groupOf(spec: (typeof GROUPED)[number], members: Finding[], text: string, t: Translate): Finding {
  const first = members[0];
  const marks = [...new Set(members.map((m) => text.slice(m.span.start, m.span.end)))];
  const edits = members.flatMap((m) => m.fixes?.[0]?.edits ?? []);
  const fix: Fix = { title: t(spec.paragraphFix, members.length), edits, safe: members.every((m) => m.fixes?.[0]?.safe === true) };
  return {
    rule: first.rule,
    severity: first.severity,
    span: first.span,
    message: t(spec.message, members.length, marks.join(' ')),
    fixes: edits.length ? [fix] : undefined,
    members,
  };
}

export function referenceGroupFindings(findings: readonly Finding[], model: SpeechModel, t: Translate): Finding[] {
  const kept = withoutFindingsInRemovedText(findings);
  const byRule = new Map<string, Finding[]>();
  for (const f of kept) if (groupedRule(f.rule)) byRule.get(f.rule)?.push(f) ?? byRule.set(f.rule, [f]);
  if (byRule.size === 0) return kept;
  const replaced = new Map<Finding, Finding | null>();
  for (const [rule, list] of byRule) {
    const spec = groupedRule(rule)!;
    let run: Finding[] = [];
    let runParagraph = -2;
    const close = () => {
      if (run.length > spec.over && runParagraph >= 0) {
        const group = groupOf(spec, run, model.text, t);
        run.forEach((m, i) => replaced.set(m, i === 0 ? group : null));
      }
      run = [];
    };
    for (const f of list) {
      const p = paragraphAt(model, f.span.start);
      if (p !== runParagraph) {
        close();
        runParagraph = p;
      }
      run.push(f);
    }
    close();
  }
  const out: Finding[] = [];
  for (const f of kept) {
    const r = replaced.get(f);
    if (r === undefined) out.push(f);
    else if (r) out.push(r);
  }
  return out;
}
