// Loads one extension bundle in a fresh process, with a stand-in for the
// `vscode` module, and prints how long `require` took: what activation costs
// before any of the extension's code runs.
const Module = require('module');
const path = require('path');

const standIn = new Proxy(function () {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : standIn),
  apply: () => standIn,
  construct: () => standIn,
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? standIn : load.call(this, request, ...rest);
};
const started = process.hrtime.bigint();
require(path.resolve(process.argv[2]));
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
