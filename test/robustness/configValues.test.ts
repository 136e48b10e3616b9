// Hostile values in a configuration are problems, never a crash: keys named
// like Object.prototype members, values nested 5,000 deep, and a config file
// that is a link to a file that must not be quoted (its content never appears
// in a message: only the line and column).

import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { validateConfig } from '../../server/src/core';
import { jsonSyntaxError } from '../../server/src/core/config/jsonSyntax';
import { parseConfigText } from '../../server/src/node/configFiles';
import { buildCli, runCli, tempDir } from '../cli/runCli';
import { TestClient } from '../helpers/lspClient';
import { HANG_MS } from './specialFiles';

const PROTOTYPE_KEYS = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];
const DRAFT = '在全县防汛工作会议上的讲话\n\n同志们:\n\n今天开会，部署防汛工作。\n';
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile configuration values', function () {
  this.timeout(120000);

  it('validateConfig reports keys named like Object.prototype members as unknown, at the top and among the rules', () => {
    for (const key of PROTOTYPE_KEYS) {
      // Parsed, as a file gives them: `__proto__` is then an own key.
      const raw = JSON.parse(`{"${key}": 1, "rules": {"${key}": "off"}, "speakingRate": 120}`);
      const { config, problems } = validateConfig(raw, 'rc.json');
      assert.deepStrictEqual(problems.map((p) => p.key), [key, `rules.${key}`], key);
      assert.match(problems[0].message.en, new RegExp(`Unknown setting "${key}"`));
      assert.deepStrictEqual(config.rules, {});
      assert.strictEqual(config.speakingRate, 120, 'the rest still applies');
    }
  });

  it('validateConfig reports a value nested 5,000 deep as invalid, wherever it is', () => {
    const nested = JSON.parse(deep(5000));
    const { config, problems } = validateConfig(
      { speakingRate: nested, rules: { placeholder: nested }, placeholderPatterns: [nested], wordUsage: [nested], targetMinutes: 10 },
      'rc.json',
    );
    assert.deepStrictEqual(problems.map((p) => p.key), ['speakingRate', 'rules.placeholder', 'placeholderPatterns[0]', 'wordUsage[0]']);
    assert.match(problems[0].message.en, /"speakingRate" must be a number from 50 to 1000; got \[…\]\./);
    assert.strictEqual(config.targetMinutes, 10);
  });

  it('the command line reports them and checks the draft on the rest', () => {
    buildCli();
    const dir = tempDir();
    const keys = PROTOTYPE_KEYS.map((k) => `"${k}": 1`).join(', ');
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), `{ ${keys}, "rules": { "constructor": "off" }, "targetMinutes": ${deep(5000)} }`);
    fs.writeFileSync(path.join(dir, 'draft.txt'), DRAFT);
    const r = runCli(['check', 'draft.txt'], { cwd: dir, timeout: HANG_MS });
    assert.doesNotMatch(r.stderr, /internal error|内部错误/);
    assert.notStrictEqual(r.status, 2, r.stderr);
    for (const key of PROTOTYPE_KEYS) assert.match(r.stderr, new RegExp(`\\.speechdraftrc\\.json: ${key}: 未知的设置项“${key}”。 / Unknown setting "${key}"\\.`));
    assert.match(r.stderr, /rules\.constructor: 未知的规则 id“constructor”/);
    assert.match(r.stderr, /targetMinutes: .* got \[…\]\./);
    assert.match(r.stdout, /draft\.txt:3:4 {2}warning/);
  });

  it('the language server goes on checking under such a file', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), `{ "toString": 1, "__proto__": {}, "speakingRate": ${deep(5000)} }`);
    const uri = pathToFileURL(path.join(dir, 'draft.txt')).href;
    const client = new TestClient({ model: 'push', workspaceFolders: [dir] });
    try {
      await client.initialize();
      await client.open(uri, DRAFT);
      const diags = await client.diagnosticsFor(uri);
      assert.ok(diags.some((d) => d.code === 'punctuation-width'));
      await client.until(() => client.messages.length > 0 || undefined, 'the notice');
      assert.match(client.messages[0].message, /toString: 未知的设置项“toString”/);
    } finally {
      await client.shutdown();
    }
  });
});

describe('a config file that is not JSON', function () {
  this.timeout(60000);

  it('never quotes its content, even when it is a link to another file: only the line and column', () => {
    buildCli();
    const dir = tempDir();
    const secrets = [
      'root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\n',
      '{"token": s3cr3t-value}\n',
      '{\n  "a": 1,\n  "password": "hunter2" oops\n}\n',
    ];
    const places = ['line 1, column 1', 'line 1, column 11', 'line 3, column 25'];
    secrets.forEach((secret, i) => {
      const sub = path.join(dir, `case${i}`);
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, 'secret'), secret);
      fs.symlinkSync(path.join(sub, 'secret'), path.join(sub, '.speechdraftrc.json'));
      fs.writeFileSync(path.join(sub, 'draft.txt'), DRAFT);
      const r = runCli(['check', 'draft.txt'], { cwd: sub });
      const line = r.stderr.split('\n').find((l) => l.includes('.speechdraftrc.json'));
      assert.ok(line, r.stderr);
      assert.ok(line.includes(`.speechdraftrc.json: ${places[i]}: 不是合法的 JSON（`), line);
      for (const word of ['root', '$6$', 'saltsalt', 's3cr3t', 'hunter2', 'oops', 'token', 'password']) assert.ok(!r.stderr.includes(word), `${word} leaked: ${line}`);
    });
  });

  it('names the place and a reason of its own for each kind of error', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['{\n  "rules": {\n    "placeholder": "off",\n  }\n}', 'line 4, column 3', /a comma with nothing after it/],
      ['{"a": "one\ntwo"}', 'line 1, column 11', /a control character inside a string/],
      ['{"a": "\\q"}', 'line 1, column 8', /an invalid escape in a string/],
      ['{"a": [1, 2', 'line 1, column 12', /the text ends too early/],
      ['{"a": 01}', 'line 1, column 8', /an unexpected character/],
      ['𠀀', 'line 1, column 1', /an unexpected character/],
      ['{"𠀀": x}', 'line 1, column 7', /an unexpected character/],
    ];
    for (const [text, key, reason] of cases) {
      const { problems } = parseConfigText(text, 'rc.json');
      assert.strictEqual(problems.length, 1, text);
      assert.strictEqual(problems[0].key, key, text);
      assert.match(problems[0].message.en, reason, text);
      assert.match(problems[0].message.zh, /^不是合法的 JSON（.+），改用默认设置。$/);
    }
  });

  it('finds an error exactly when JSON.parse does (fast-check on mutated JSON), and costs no stack at any depth', () => {
    const valid = fc.jsonValue().map((v) => JSON.stringify(v, null, 1));
    const mutated = fc.tuple(valid, fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', 'x', '0', '-', '.', 'e', '\u0001', ' ')).map(
      ([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + (insert === '' ? 1 : 0)),
    );
    fc.assert(
      fc.property(fc.oneof(valid, mutated), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const error = jsonSyntaxError(text);
        assert.strictEqual(error === undefined, parses, `${JSON.stringify(text)}: ${JSON.stringify(error)}`);
        if (error) assert.ok(error.offset >= 0 && error.offset <= text.length);
      }),
      { seed: 18, numRuns: 3000 },
    );
    assert.strictEqual(jsonSyntaxError(deep(100000)), undefined);
    assert.deepStrictEqual(jsonSyntaxError('['.repeat(100000)), { offset: 100000, reason: 'the text ends too early' });
  });
});
