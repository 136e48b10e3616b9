// The workbench page's console, as the harness prints it. The workbench passes
// the extension host's console calls on as
//   console.log('%c INFO', 'color: #33f', format, ...args)
// (mocha's reporter included), so the text Playwright gives is unformatted:
// here the level prefix is dropped and the rest formatted as Node.js would.

import { format } from 'node:util';

// Harmless noise of a workbench with no internet access and no gallery.
const NOISE = [
  /vsda/,
  /open-vsx\.org|gallery|marketplace/i,
  /mobile\.events\.data\.microsoft\.com|telemetry/i,
  /Failed to load resource/,
  /connection token|Creating a socket|Service Worker|ChatSessionStore|builtin extensions cache/,
  /web worker extension host|allow-scripts and allow-same-origin|copilot-instructions/,
  /Long running operations during shutdown/,
  /User\/Backups\/.*Canceled/,
];

const LEVEL = /^%c\s*(INFO|ERR|WARN|DEBUG|TRACE)\s*$/;

async function argsOf(message) {
  try {
    return await Promise.all(message.args().map((a) => a.jsonValue()));
  } catch {
    return undefined; // the page went away: fall back on the raw text
  }
}

/** The message as one printable string, or undefined for noise and empty messages. */
export async function consoleText(message) {
  let args = await argsOf(message);
  let text;
  if (args && args.length) {
    if (typeof args[0] === 'string' && LEVEL.test(args[0]) && typeof args[1] === 'string') args = args.slice(2);
    text = format(...args);
  } else {
    text = message.text().replace(/^%c\s*(INFO|ERR|WARN|DEBUG|TRACE)\s+color:\s*#\w+\s/, '');
  }
  if (!text.trim() && !(args && args.length)) return undefined;
  return NOISE.some((n) => n.test(text)) ? undefined : text;
}

/** Prints the page's console in order (each message is formatted asynchronously). */
export function forwardConsole(page, write = (line) => console.log(line)) {
  let queue = Promise.resolve();
  page.on('console', (message) => {
    const text = consoleText(message);
    queue = queue.then(async () => {
      const line = await text;
      if (line !== undefined) write(line);
    });
  });
  return () => queue;
}
