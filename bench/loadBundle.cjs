// Loads one extension bundle in a fresh process, with a stand-in for the
// `vscode` module, and prints how long `require` took: what activation costs
// before any of the extension's code runs.
const fs = require('fs');
const Module = require('module');
const path = require('path');

const bundle = path.resolve(process.argv[2]);
// The bundler copies the module's own properties when it imports it: the stand-in lists every
// property name the bundle reads, so that `new vscode.ThemeColor(…)` at load time finds one.
const names = new Set(fs.readFileSync(bundle, 'utf8').match(/(?<=\.)[A-Za-z_$][\w$]*/g));
const target = function () {};
const standIn = new Proxy(target, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : key === '__esModule' ? undefined : standIn),
  apply: () => standIn,
  construct: () => standIn,
  ownKeys: () => [...new Set([...Reflect.ownKeys(target), ...names])],
  getOwnPropertyDescriptor: (t, key) => Reflect.getOwnPropertyDescriptor(t, key) ?? { configurable: true, enumerable: true, writable: true, value: standIn },
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? standIn : load.call(this, request, ...rest);
};
const started = process.hrtime.bigint();
require(bundle);
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
