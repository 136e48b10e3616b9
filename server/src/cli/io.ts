// Where the commands write, passed in so that a command never reaches for
// `process` itself.

export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stdoutIsTTY: !!process.stdout.isTTY,
    env: process.env,
  };
}
