// The server warms itself after `initialized`: a few checks of a small draft
// written for it (each round with its numbers shifted, so that no cache
// answers for the rules), one round per turn of the event loop, so that the
// engine has compiled the checker and the wording data is read before the
// first real draft comes. It stops as soon as a document opens: a real check
// waits for one round at most, and nothing of the warm-up is kept.

import { Checker, groupFindings, ranked, translator, type DraftFormat, type Locale } from '../core';

/** A short draft with what the rules look for: headings, numbered groups, an announcement, an outline, half-width marks, a placeholder. */
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
各乡镇要落实主体责任，主要领导要亲自抓、负总责。县直各部门要各司其职、密切配合，形成工作合力。
本文来源：某某网 责任编辑：张三

同志们，一年之计在于春。让我们以更加务实的作风，扎扎实实做好春耕生产各项工作，为全年农业丰收打下坚实基础！
`;

/** Warm-up rounds: under a second of work (1.3 s measured under heavy load), enough for the engine to optimise the checker's hot functions. */
const ROUNDS = 40;

/** Starts the warm-up; `busy()` true (a document is open) stops it. */
export function warmUp(locale: Locale, busy: () => boolean, rounds = ROUNDS): void {
  const t = translator(locale);
  let round = 0;
  const step = (): void => {
    if (busy() || round >= rounds) return;
    const format: DraftFormat = round % 3 === 2 ? 'markdown' : 'text';
    const text = DRAFT.replace(/\d+/g, (n) => String(Number(n) + round));
    try {
      const result = new Checker({ locale, format }).check(text);
      ranked(groupFindings(result.findings, result.model, t));
    } catch {
      // A failure here shows again, and is reported, on the first real check.
      return;
    }
    round++;
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}
