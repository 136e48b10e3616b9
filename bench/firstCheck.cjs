// One first check in a fresh process, as the server makes it when a draft
// opens: with or without the wording rules (argv[3] = 'wording'). Prints the
// milliseconds of the check (the typo data's load and parse included) and the
// resident memory after it, as JSON.
const fs = require('fs');
const path = require('path');
const repo = path.resolve(__dirname, '..');
const core = require(path.join(repo, 'out', 'server', 'src', 'core', 'index.js'));
const rule = (file, name) => require(path.join(repo, 'out', 'server', 'src', 'core', 'rules', file))[name];
const { provideWordingData } = require(path.join(repo, 'out', 'server', 'src', 'core', 'wording', 'typoData.js'));

const text = fs.readFileSync(process.argv[2], 'utf8');
const wording = process.argv[3] === 'wording';
provideWordingData(() => fs.readFileSync(path.join(repo, 'dist', 'wording-data.bin')).toString('utf16le'));
const rules = wording ? [...core.allRules, rule('typo.js', 'typo'), rule('formulation.js', 'formulation'), rule('numberUsage.js', 'numberUsage')] : core.allRules;
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = process.hrtime.bigint();
core.checkText(text, { rules });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
global.gc?.();
process.stdout.write(JSON.stringify({ ms, rss: process.memoryUsage().rss, rssBefore }));
