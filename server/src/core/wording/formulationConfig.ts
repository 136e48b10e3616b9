// The `formulations` and `draftDate` settings: a user's house formulations
// and names, with the same powers as the shipped ones (data/formulations.json),
// and the date the draft is judged by when it has no date line.
//
// "formulations": [
//   { "name": "三个一流", "quoted": true, "members": ["一流的服务", "一流的作风", "一流的业绩"],
//     "source": "市委〔2024〕1号文件", "since": "2024-01-01" },
//   { "name": "某某市数据资源管理局", "replaces": ["某某市大数据管理局"], "since": "2024-03-01" }
// ]

import type { Formulation } from './formulations';

export type Problem = (key: string, message: string, ...args: Array<string | number>) => void;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAN = /^[\u4e00-\u9fff“”、·（）()0-9A-Za-z]{2,40}$/;

/** `YYYY-MM-DD` naming a real day. */
export function isDay(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const strings = (v: unknown, min: number, max: number) => Array.isArray(v) && v.length >= min && v.length <= max && v.every((s) => typeof s === 'string' && HAN.test(s));

/** The valid entries; each invalid one is reported and left out. */
export function validateFormulations(value: unknown, key: string, problem: Problem): Formulation[] {
  if (!Array.isArray(value)) {
    problem(key, '"{0}" must be an array of formulations.', key);
    return [];
  }
  const out: Formulation[] = [];
  value.forEach((raw, i) => {
    const at = `${key}[${i}]`;
    const e = raw as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || Array.isArray(e) || typeof e.name !== 'string' || !HAN.test(e.name)) {
      problem(at, 'Each formulation needs a "name" of 2 to 40 characters.');
      return;
    }
    const known = new Set(['name', 'members', 'quoted', 'aliases', 'replaces', 'source', 'since']);
    const unknown = Object.keys(e).find((k) => !known.has(k));
    if (unknown) problem(at, 'Unknown field "{0}" in a formulation; it is ignored.', unknown);
    if (e.members !== undefined && !strings(e.members, 2, 20)) {
      problem(at, '"members" must list 2 to 20 members of 2 to 40 characters each.');
      return;
    }
    if (e.aliases !== undefined && !strings(e.aliases, 1, 10)) {
      problem(at, '"aliases" must list other names of 2 to 40 characters each.');
      return;
    }
    if (e.replaces !== undefined && !strings(e.replaces, 1, 10)) {
      problem(at, '"replaces" must list former names of 2 to 40 characters each.');
      return;
    }
    if (e.quoted !== undefined && typeof e.quoted !== 'boolean') {
      problem(at, '"quoted" must be true or false.');
      return;
    }
    if (e.since !== undefined && !isDay(e.since)) {
      problem(at, '"since" must be a date written YYYY-MM-DD; got {0}.', typeof e.since === 'string' ? JSON.stringify(e.since) : typeof e.since);
      return;
    }
    if (e.source !== undefined && typeof e.source !== 'string') {
      problem(at, '"source" must be a string.');
      return;
    }
    out.push({
      name: e.name,
      members: e.members as string[] | undefined,
      quoted: e.quoted as boolean | undefined,
      aliases: e.aliases as string[] | undefined,
      replaces: (e.replaces as string[] | undefined)?.map((name) => ({ name })),
      source: (e.source as string | undefined) ?? '',
      since: (e.since as string | undefined) ?? '1900-01-01',
    });
  });
  return out;
}
