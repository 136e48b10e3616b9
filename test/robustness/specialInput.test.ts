// A named pipe or `/dev/zero` given as a draft or as `.speechdraftrc.json`
// (also through a symbolic link) is refused with the file and the reason; it
// neither hangs the tool nor fills the memory. A draft beyond the size limit is
// refused before it is read.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildCli, runCli, tempDir } from '../cli/runCli';
import { TestClient } from '../helpers/lspClient';
import { HANG_MS, linkToDevZero, mkfifo, NO_FIFO } from './specialFiles';
import { skipBecause } from '../helpers/skip';

const DRAFT = '在全县防汛工作会议上的讲话\n\n同志们:\n\n今天开会，部署防汛工作。\n';

describe('special files as input', function () {
  this.timeout(240000);
  before(buildCli);

  it('refuses a named pipe, a link to one and a link to /dev/zero as a draft, for check, outline and export', function () {
    const dir = tempDir();
    if (!mkfifo(path.join(dir, 'pipe.txt'))) skipBecause(this, NO_FIFO);
    fs.symlinkSync('pipe.txt', path.join(dir, 'to-pipe.txt'));
    const zero = linkToDevZero(path.join(dir, 'zero.txt'));
    const cases: Array<[string, RegExp]> = [
      ['pipe.txt', /pipe\.txt：无法读取：这是命名管道（FIFO），不是普通文件。 \/ pipe\.txt: cannot be read: it is a named pipe \(FIFO\), not a regular file\./],
      ['to-pipe.txt', /to-pipe\.txt：无法读取：这是命名管道（FIFO），不是普通文件。/],
    ];
    if (zero) cases.push(['zero.txt', /zero\.txt：无法读取：这是设备，不是普通文件。 \/ zero\.txt: cannot be read: it is a device, not a regular file\./]);
    for (const [file, reason] of cases) {
      for (const command of [['check'], ['check', '--fix'], ['outline'], ['export']]) {
        const r = runCli([...command, file], { cwd: dir, timeout: HANG_MS });
        assert.ok(!r.timedOut, `${command.join(' ')} ${file} hung`);
        assert.strictEqual(r.status, 2, `${command.join(' ')} ${file}: ${r.stderr}`);
        assert.match(r.stderr, reason);
      }
    }
    assert.ok(fs.lstatSync(path.join(dir, 'pipe.txt')).isFIFO());
  });

  it('passes over pipes and device links inside a folder without waiting on them', function () {
    const dir = tempDir();
    if (!mkfifo(path.join(dir, 'pipe.txt'))) skipBecause(this, NO_FIFO);
    linkToDevZero(path.join(dir, 'zero.txt'));
    fs.writeFileSync(path.join(dir, 'draft.txt'), DRAFT);
    const r = runCli(['check', '--fix', dir], { timeout: HANG_MS });
    assert.ok(!r.timedOut, 'check hung');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /文件 1 个。/);
  });

  it('reports a named pipe or a link to /dev/zero as .speechdraftrc.json, naming it, and checks on the defaults', function () {
    for (const make of [(rc: string) => mkfifo(rc), (rc: string) => linkToDevZero(rc)]) {
      const dir = tempDir();
      const rc = path.join(dir, '.speechdraftrc.json');
      if (!make(rc)) skipBecause(this, NO_FIFO);
      fs.writeFileSync(path.join(dir, 'draft.txt'), DRAFT);
      const r = runCli(['check', 'draft.txt'], { cwd: dir, timeout: HANG_MS });
      assert.ok(!r.timedOut, 'check hung on the config file');
      assert.notStrictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /\.speechdraftrc\.json: \(file\): 无法读取文件：这是(命名管道（FIFO）|设备)，不是普通文件 \/ Cannot read the file: it is a (named pipe \(FIFO\)|device), not a regular file/);
      assert.match(r.stdout, /draft\.txt:3:4 {2}warning .* {2}punctuation-width/);
    }
  });

  it('refuses --config naming a named pipe with exit status 2', function () {
    const dir = tempDir();
    const pipe = path.join(dir, 'config.json');
    if (!mkfifo(pipe)) skipBecause(this, NO_FIFO);
    fs.writeFileSync(path.join(dir, 'draft.txt'), DRAFT);
    const r = runCli(['check', '--config', pipe, path.join(dir, 'draft.txt')], { timeout: HANG_MS });
    assert.ok(!r.timedOut);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--config .*config\.json：这是命名管道（FIFO），不是普通文件。/);
  });

  it('refuses a draft larger than 64 MB before reading it (a sparse file: nothing is written to disk)', () => {
    const dir = tempDir();
    const big = path.join(dir, 'huge.txt');
    fs.writeFileSync(big, DRAFT);
    fs.truncateSync(big, 64 * 1024 * 1024 + 1);
    const r = runCli(['check', big], { timeout: HANG_MS });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /huge\.txt：无法读取：文件大于 64 MB。 \/ .*huge\.txt: cannot be read: it is larger than 64 MB\./);
  });

  for (const trusted of [true, false]) {
    it(`the language server reports a named pipe as .speechdraftrc.json and still checks the draft (${trusted ? '' : 'un'}trusted workspace)`, async function () {
      const dir = tempDir();
      if (!mkfifo(path.join(dir, '.speechdraftrc.json'))) skipBecause(this, NO_FIFO);
      const uri = pathToFileURL(path.join(dir, 'draft.txt')).href;
      const client = new TestClient({ model: 'push', workspaceFolders: [dir], initializationOptions: { trusted } });
      try {
        await client.initialize();
        await client.open(uri, DRAFT);
        const diags = await client.diagnosticsFor(uri);
        assert.ok(diags.some((d) => d.code === 'punctuation-width'));
        await client.until(() => client.messages.length > 0 || undefined, 'the notice');
        assert.match(client.messages[0].message, /\.speechdraftrc\.json: \(file\): 无法读取文件：这是命名管道（FIFO），不是普通文件/);
      } finally {
        await client.shutdown();
      }
    });
  }
});
