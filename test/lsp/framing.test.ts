// Framing errors on stdin: a header without Content-Length, a length that is
// negative, not a number, or a lie. vscode-jsonrpc's reader goes deaf after
// one (`exit` included); the server exits with a line on stderr instead, so
// the client restarts it. Never alive and deaf.

import * as assert from 'assert';
import { spawn } from 'child_process';
import { FrameChecker } from '../../server/src/server/framing';
import { frame, serverPath } from '../helpers/lspClient';

const initialize = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const shutdown = frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
const exit = frame({ jsonrpc: '2.0', method: 'exit' });
const shutdownAndExit = Buffer.concat([shutdown, exit]);
const body = '{"jsonrpc":"2.0","method":"$/ping"}';

const GARBAGE: Record<string, string> = {
  'a header without Content-Length': `Content-Type: application/vscode-jsonrpc\r\n\r\n${body}`,
  'a negative length': `Content-Length: -5\r\n\r\n${body}`,
  'a length that is not a number': `Content-Length: many\r\n\r\n${body}`,
  'a length longer than the message': `Content-Length: 100000\r\n\r\n${body}`,
  'a length shorter than the message': `Content-Length: 10\r\n\r\n${body}`,
  'a header line without a colon': `Content-Length 35\r\n\r\n${body}`,
  'a body that is not JSON': 'Content-Length: 5\r\n\r\nhello',
  'a header that never ends': 'X'.repeat(20000),
};

/** Runs the server over stdio, feeds it `input` after initialize (and `exit` once shutdown is answered), and waits for it to exit. */
function run(input: Buffer): Promise<{ code: number | null; stderr: string; answered: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let wrote = false;
    let exited = false;
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      // Answered initialize: now the input under test.
      if (stdout.includes('"id":1') && !wrote) {
        wrote = true;
        child.stdin.write(input);
      }
      if (stdout.includes('"id":2') && !exited) {
        exited = true;
        child.stdin.write(exit);
      }
    });
    child.stdin.on('error', () => undefined);
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`still running 15 s after the input, deaf (stderr: ${stderr})`));
    }, 15000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, answered: stdout });
    });
    child.stdin.write(initialize);
  });
}

describe('framing errors on stdin', function () {
  this.timeout(30000);

  it('exits cleanly on shutdown and exit (the control)', async () => {
    const { code, answered } = await run(shutdown);
    assert.strictEqual(code, 0);
    assert.match(answered, /"id":2/);
  });

  for (const [what, garbage] of Object.entries(GARBAGE)) {
    it(`exits with a log line after ${what}, shutdown and exit following`, async () => {
      const { code, stderr } = await run(Buffer.concat([Buffer.from(garbage, 'latin1'), shutdownAndExit]));
      assert.strictEqual(code, 1, stderr);
      assert.match(stderr, /speech-draft: framing error on stdin \(.+\); exiting/);
    });
  }
});

describe('the frame checker', () => {
  const valid = Buffer.concat([
    frame({ jsonrpc: '2.0', id: 1, method: 'x', params: { text: '{"}]\\"  𠀀 同志们，' } }),
    Buffer.from('Content-Length: 12\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n[{"a":[1]}]\r\n', 'utf8'),
    frame({ jsonrpc: '2.0', method: 'y', params: [[[]], {}, '\\', '"'] }),
  ]);

  it('passes valid frames, whole or a byte at a time', () => {
    assert.strictEqual(new FrameChecker().push(valid), undefined);
    const checker = new FrameChecker();
    for (let i = 0; i < valid.length; i++) assert.strictEqual(checker.push(valid.subarray(i, i + 1)), undefined, `at byte ${i}`);
  });

  it('names each framing error', () => {
    const reasons = Object.values(GARBAGE).map((g) => new FrameChecker().push(Buffer.concat([Buffer.from(g, 'latin1'), shutdownAndExit])));
    assert.deepStrictEqual(reasons, [
      'a header without Content-Length',
      'Content-Length is not a length ("-5")',
      'Content-Length is not a length ("many")',
      'the message is shorter than its Content-Length',
      'the message is longer than its Content-Length',
      'a header line without ":" ("Content-Length 35")',
      'the body is not a JSON object',
      'no end of header after 8192 bytes',
    ]);
  });
});
