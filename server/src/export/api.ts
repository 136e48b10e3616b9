// The exporter as the language server loads it: a bundle of its own
// (dist/export.js), required only when a writer exports, so that the server
// starts small and quick.

export { exportDocx } from './docx';
export { preflight } from './preflight';
