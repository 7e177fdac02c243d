// Standard output for the CLI's batch commands. When it is a file or a device (`iam-policy simulate … > results.json`,
// /dev/null), text goes to the file descriptor with fs.writeSync: process.stdout would first copy each string into a
// new Buffer, and megabytes of results left that many short-lived Buffers for the garbage collector. Pipes, sockets
// and terminals keep process.stdout: a pipe is non-blocking, and a write to it may have to wait.
import { fstatSync, writeSync } from 'node:fs';

export interface TextSink { write(text: string): void }

export function stdoutWriter(fd = 1, stream: NodeJS.WritableStream = process.stdout): TextSink {
  let direct = false;
  try {
    const st = fstatSync(fd);
    direct = st.isFile() || (st.isCharacterDevice() && !(stream as { isTTY?: boolean }).isTTY);
  } catch { /* not a descriptor we can inspect: the stream */ }
  if (!direct) return { write: (text) => { stream.write(text); } };
  return {
    write(text) {
      const written = writeSync(fd, text);
      // a file takes the whole write; should the system take less, the rest goes as bytes
      if (written < Buffer.byteLength(text, 'utf8')) {
        const bytes = Buffer.from(text, 'utf8');
        for (let at = written; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      }
    },
  };
}
