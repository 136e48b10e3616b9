// A draft typed with half-width commas, as a writer with an English input
// method leaves it: every comma between two clauses is a punctuation-width
// finding with a safe fix. Written for these tests; no corpus text.

const CLAUSES = ['各地要加强森林防火巡查', '严防野外违规用火', '压实属地管理责任', '强化应急值守', '做好物资储备', '确保群众生命财产安全'];

/** Paragraphs of six clauses joined by `,`: `commas` findings in all, about 13 characters each. */
export function commaDraft(commas: number): string {
  const paragraphs: string[] = [];
  for (let left = commas; left > 0; left -= CLAUSES.length - 1) {
    const clauses = CLAUSES.slice(0, Math.min(CLAUSES.length, left + 1));
    paragraphs.push(`　　${clauses.join(',')}。`);
  }
  return paragraphs.join('\n\n') + '\n';
}
