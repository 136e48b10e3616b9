// One first check in a fresh process, as the server makes it when a draft
// opens: with or without the wording rules (argv[4] = 'wording'). Prints the
// milliseconds of the check (the wording data's load and parse included) and
// the resident memory after it, as JSON. argv[2]: the checkout built.
const fs = require('fs');
const path = require('path');
const repo = path.resolve(process.argv[2]);
const core = require(path.join(repo, 'out', 'server', 'src', 'core', 'index.js'));
const { provideWordingData } = require(path.join(repo, 'out', 'server', 'src', 'core', 'wording', 'typoData.js'));

const text = fs.readFileSync(process.argv[3], 'utf8');
const wording = process.argv[4] === 'wording';
provideWordingData(() => fs.readFileSync(path.join(repo, 'dist', 'wording-data.bin')));
// The catalogue holds the wording rules: without them is the catalogue less those three.
const WORDING = ['typo', 'formulation', 'number-usage'];
const rules = wording ? core.allRules : core.allRules.filter((r) => !WORDING.includes(r.id));
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = process.hrtime.bigint();
core.checkText(text, { rules });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
global.gc?.();
process.stdout.write(JSON.stringify({ ms, rss: process.memoryUsage().rss, rssBefore }));
