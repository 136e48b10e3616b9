// The entry of `dist/regexEngine.js`: re2js alone, the bundle the core's lazy
// `require('re2js')` is pointed at (esbuild.mjs), so that the server and the
// command line carry the engine only in a file they load when a config holds a pattern.

export { RE2JS } from 're2js';
