// The server warms itself after `initialized`: checks of a small draft written
// for it and of the rules' own examples (each pass with its numbers shifted, so
// that no cache answers for the rules), carried through to LSP diagnostics and
// JSON as an open is, one short round per turn of the event loop, so that the
// engine has compiled and optimised the checker and the wording data is read
// before the first real draft comes. It pauses while the client is sending and
// stops as soon as a document opens: a real check waits for one short round at
// most, and nothing of the warm-up is kept.

import { Checker, DEFAULT_CONFIG, groupFindings, ranked, translator, type DraftFormat, type Locale, type SpeechDraftConfig } from '../core';
import { toDiagnostic } from './diagnostics';

/** A short draft with what the rules look for: headings (one cut short), numbered groups, an announcement, an outline, half-width marks, a placeholder. */
const DRAFT = `在全县2026年春季农业生产工作会议上的讲话

【提纲】
一、认清形势
二、突出重点
三、强化保障

同志们：

今天召开这次会议,主要是总结去年农业农村工作,部署今年春季生产。下面，我讲三点意见。

一、认清形势，增强做好春耕生产的责任感
去年全县粮食播种面积稳定在58万亩，总产达到23万吨，农民人均可支配收入增长6.5%。一是粮食生产再获丰收；二是特色产业加快发展；三是农村改革稳步推进。
（一）成绩来之不易。这些成绩的取得，是全县上下共同努力的结果。
（三）困难不容忽视。当前农资价格高位运行，部分乡镇灌溉设施老化，×××乡的水毁工程还没有修复完成。

二、突出重点，抓好春季农业生产
第一，稳定粮食面积。要把目标任务分解到乡、到村、到户，确保播种面积只增不减。
第二，抓好农资供应。供销、市场监管等部门要加强巡查，严厉打击坑农害农行为。
第四，做好防灾减灾。气象部门要加强监测预报，及时发布预警信息。

三、强化保障，确保各项措施落到实处

（一）压实工作责任，

各乡镇要落实主体责任，主要领导要亲自抓、负总责。县直各部门要各司其职、密切配合，形成工作合力。
本文来源：某某网 责任编辑：张三

同志们，一年之计在于春。让我们以更加务实的作风，扎扎实实做好春耕生产各项工作，为全年农业丰收打下坚实基础！
`;

/**
 * The warm-up's texts: the draft above, then the rules' own examples (the text
 * blocks of docs/rules/*.md, wrong and right forms), what each rule, the
 * wording rules included, looks for and what it must leave alone, so that every
 * rule's paths have run (and their type feedback is there) before a real draft
 * comes; grouped into pieces of about `PIECE_CHARS`, one piece a round.
 */
export function warmUpTexts(ruleDocs: Record<string, string>): string[] {
  const blocks: string[] = [];
  for (const doc of Object.values(ruleDocs)) for (const m of doc.matchAll(/```text\n([\s\S]*?)```/g)) blocks.push(m[1]);
  const pieces: string[] = [];
  let piece = '';
  for (const b of blocks) {
    // A blank line between blocks, each keeping the structure its page gives it; the pages' notes (`← …`) are no draft's text.
    piece += b.replace(/[ \t\u3000]+←.*$/gm, '') + '\n';
    if (piece.length >= PIECE_CHARS) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece) pieces.push(piece);
  return [DRAFT, ...pieces];
}

/** A round's text: short, so that a document that comes waits little for the round under way. */
const PIECE_CHARS = 1500;
/**
 * Passes over the pieces: about 30,000 characters in all (half a second of work, in rounds
 * of a few milliseconds). The first check of the 100,000-character bench draft, main-thread
 * time in one process (load 6): about 410 ms without a warm-up, 305 after the former one
 * (40 rounds of the draft alone), 165 / 145 / 130 after 4 / 6 / 10 passes of this one
 * (medians of four), steady 80–100. More passes gain little and take longer to finish:
 * under load the server may not have a second of processor time before the first draft.
 */
const PASSES = 6;
/** Input this recent (a message being read, a request) and the warm-up waits: it never runs between the chunks of a message. */
const QUIET_MS = 30;

/** Targets a short text runs over, so that speech-length reports too. */
export const WARM_UP_CONFIG: SpeechDraftConfig = { ...DEFAULT_CONFIG, targetMinutes: 1, sectionTargetMinutes: 1 };

/** What the warm-up did (for serverStatus). */
export const warmUpStats = { rounds: 0, planned: 0, stopped: false };

/**
 * Time of the last input from the client: stdin's bytes over stdio, messages over IPC. In
 * `Date.now()` milliseconds, fine enough for `QUIET_MS`: Node loads `performance` on its first
 * use, a millisecond or more of the cold start, since the first input is `initialize`.
 */
let lastInputAt = -Infinity;

/** Notes each chunk of input (the server's transport: stdin with --stdio, process messages over IPC). */
export function watchInput(stdio: boolean): void {
  const seen = (): void => {
    lastInputAt = Date.now();
  };
  if (stdio) process.stdin.on('data', seen);
  if (process.send) process.on('message', seen);
}

/**
 * Starts the warm-up on `texts` (`warmUpTexts`); `busy()` true (a document is open) stops
 * it, and recent input (`watchInput`) pauses it: a round runs only when the client has been
 * quiet for `QUIET_MS`.
 */
export function warmUp(locale: Locale, texts: readonly string[], busy: () => boolean, passes = PASSES): void {
  const t = translator(locale);
  const pieces = texts;
  const rounds = passes * pieces.length;
  warmUpStats.planned = rounds;
  let round = 0;
  const step = (): void => {
    if (busy()) {
      warmUpStats.stopped = round < rounds;
      return;
    }
    if (round >= rounds) return;
    const wait = lastInputAt + QUIET_MS - Date.now();
    if (wait > 0) {
      setTimeout(step, wait);
      return;
    }
    const format: DraftFormat = round % 3 === 2 ? 'markdown' : 'text';
    const shift = Math.floor(round / pieces.length);
    const text = pieces[round % pieces.length].replace(/\d+/g, (n) => String(Number(n) + shift));
    try {
      const checked = new Checker({ config: WARM_UP_CONFIG, locale, format }).check(text);
      // What an open does after the check: the findings grouped and ranked, made LSP diagnostics, written as JSON.
      const shown = ranked(groupFindings(checked.findings, checked.model, t));
      JSON.stringify(shown.map((f) => toDiagnostic(WARM_UP_URI, checked.model.lines, f, true)));
    } catch {
      // A failure here shows again, and is reported, on the first real check.
      return;
    }
    round++;
    warmUpStats.rounds = round;
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

const WARM_UP_URI = 'untitled:speech-draft-warm-up';
