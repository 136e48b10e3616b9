// The command line is a table of commands: the parser takes what the table
// says, the usage shows what the table holds (and the README's synopsis is
// the usage's), and `check --fix` checks each text it makes once. Run in
// process, against the modules, so that checks can be counted.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Checker } from '../../server/src/core';
import { parseArgs } from '../../server/src/cli/args';
import { COMMANDS } from '../../server/src/cli/commands';
import type { Io } from '../../server/src/cli/io';
import { main } from '../../server/src/cli/main';
import { UsageError } from '../../server/src/cli/messages';
import { OPTIONS } from '../../server/src/cli/options';
import { USAGE } from '../../server/src/cli/usage';
import { repoRoot } from '../helpers/corpus';
import { copyFixtures } from './runCli';

/** A value each option takes. */
const VALUES: Record<string, string> = { '--format': 'json', '--config': 'rc.json', '--locale': 'en', '--out': 'a.docx' };
const argsFor = (name: string) => (name in VALUES ? [name, VALUES[name]] : [name]);

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.reason.en;
    throw e;
  }
  assert.fail(`${argv.join(' ')} was taken`);
}

function memoryIo(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', stdoutIsTTY: false, env: { LANG: 'en_US.UTF-8' } as NodeJS.ProcessEnv, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

describe('the command table', () => {
  it('names only options of the options table, each explained in the usage', () => {
    const known = new Set(OPTIONS.map((o) => o.name));
    for (const c of COMMANDS) for (const o of c.options) assert.ok(known.has(o), `${c.name}: ${o}`);
    for (const o of OPTIONS) {
      assert.ok(COMMANDS.some((c) => c.options.includes(o.name)), `${o.name} belongs to no command`);
      for (const h of o.help) for (const lang of ['zh', 'en'] as const) assert.ok(USAGE.includes(h.label[lang]), `${o.name}: ${h.label[lang]}`);
    }
  });

  it('is what the parser takes: each command its own options, no other', () => {
    for (const c of COMMANDS) {
      for (const o of OPTIONS) {
        const argv = [c.name, ...argsFor(o.name), 'draft.txt'];
        if (c.options.includes(o.name)) assert.strictEqual(parseArgs(argv).command, c.name, argv.join(' '));
        else assert.match(usageError(argv), new RegExp(`${o.name}.* only\\.$`), argv.join(' '));
      }
      if (c.operands === 'one') assert.strictEqual(usageError([c.name, 'a.txt', 'b.txt']), `${c.name} takes one file.`);
      else assert.deepStrictEqual(parseArgs([c.name, 'a.txt', 'b.txt']).paths, ['a.txt', 'b.txt']);
    }
    assert.strictEqual(usageError(['lint', 'a.txt']), `Unknown command lint: use ${COMMANDS.map((c) => c.name).join(', ').replace(/, (?=[^,]*$)/, ' or ')}.`);
  });

  it('is what the usage shows: a line per command with its options in order, in both languages', () => {
    const [zh, en] = USAGE.split('\nUsage:\n');
    for (const c of COMMANDS) {
      for (const part of [zh, en]) {
        const line = part.split('\n').find((l) => l.startsWith(`  speech-draft ${c.name} `));
        assert.ok(line, `${c.name}: no usage line`);
        const shown = [...line.matchAll(/\[(--[a-z-]+)/g)].map((m) => m[1]);
        assert.deepStrictEqual(shown, c.options, `${c.name}: ${line}`);
        assert.ok(part.includes(`\n${c.name.padEnd(10)}`), `${c.name}: not explained`);
      }
    }
  });

  it('is what the README shows on the command line', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = /## 命令行 \/ Command line\n\n```sh\n([\s\S]*?)```/.exec(readme)![1];
    const shown = block.split('\n').filter((l) => l.startsWith('npx speech-draft '));
    const usage = USAGE.split('\nUsage:\n')[1].split('\n').filter((l) => l.startsWith('  speech-draft '));
    assert.deepStrictEqual(shown, usage.flatMap((l) => l.trim().split(' | ').map((s, i) => (i ? `speech-draft ${s}` : s))).map((l) => `npx ${l}`));
  });
});

describe('check --fix checks each text once', function () {
  this.timeout(20000);

  it('the draft, then each fixed text; the report is of the last check', async () => {
    const dir = copyFixtures('defects.txt');
    const file = path.join(dir, 'defects.txt');
    const texts: string[] = [];
    const check = Checker.prototype.check;
    Checker.prototype.check = function (this: Checker, text: string) {
      texts.push(text);
      return check.call(this, text);
    };
    const io = memoryIo();
    try {
      assert.strictEqual(await main(['check', '--fix', '--format', 'json', file], io), 0, io.stderr);
    } finally {
      Checker.prototype.check = check;
    }
    const fixed = fs.readFileSync(file, 'utf8');
    assert.notStrictEqual(texts[0], fixed, 'the fixture has safe fixes');
    assert.strictEqual(texts[texts.length - 1], fixed);
    assert.strictEqual(new Set(texts).size, texts.length, `a text checked twice: ${texts.length} checks`);
    const rules = (JSON.parse(io.stdout) as Array<{ rule: string }>).map((f) => f.rule);
    assert.ok(rules.includes('numbering-sequence') && !rules.includes('punctuation-width'), rules.join(' '));
  });
});
