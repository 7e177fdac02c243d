// Lines to stdout in writes of about 64 KB instead of one write per line (a run over thousands of scenarios printed
// one system call per line). A line to stderr flushes stdout first, so a log that merges the two keeps their order.
export interface BufferedOutput { out(line: string): void; err(line: string): void; flush(): void }

export function bufferedOutput(stdout: { write(text: string): unknown } = process.stdout, stderr: NodeJS.WritableStream = process.stderr): BufferedOutput {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (!parts.length) return;
    stdout.write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    out(line) {
      // a line as long as a whole buffer (a chunk of JSON results) is written as it is, not copied into one more string
      if (line.length >= 65536) { flush(); stdout.write(line); stdout.write('\n'); return; }
      parts.push(line, '\n');
      size += line.length + 1;
      if (size >= 65536) flush();
    },
    err(line) { flush(); stderr.write(line + '\n'); },
    flush,
  };
}
