// A 200-page speech in Word (built with the docx package, numbered by Word's
// automatic numbering): read it and check it, against checking the same
// draft as text; and write every finding back as a comment.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, repo } from './drafts.mjs';
import { timeInRounds } from './stats.mjs';

export async function benchWord() {
  const require = createRequire(join(repo, 'package.json'));
  const core = require(join(build, 'out', 'server', 'src', 'core', 'index.js'));
  const { longSpeechDocx } = require(join(build, 'out', 'test', 'helpers', 'wordDocs.js'));
  const word = require(join(build, 'dist', 'word.js'));
  const { bytes, text } = await longSpeechDocx(200);
  const comments = word.commentsOf(core.checkText(text).findings);
  const times = timeInRounds(
    {
      'read .docx + check': () => core.checkText(word.readDocx(bytes).text),
      'read .docx': () => word.readDocx(bytes),
      'check as text': () => core.checkText(text),
      annotate: () => word.annotateDocx(bytes, comments),
    },
    { warmup: 3, warmupMs: 500, runs: 5, rounds: 3 },
  );
  return { docxBytes: bytes.length, chars: text.length, comments: comments.length, times };
}
