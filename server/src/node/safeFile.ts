// The one way the server and the CLI read a file named by a user, a scenario or a request (policy files, scenario
// files). A name in a document we did not write may point anywhere: at a FIFO (reading blocks forever), at
// /dev/zero (reading never ends), at a directory, at a huge file, or outside the project. So the reader opens
// without blocking, asks the open handle what it is, refuses everything but a regular file, and reads at most the
// size limit from that same handle. Symbolic links are followed, but only to regular files, and the folder check is
// made on the real path, so a link cannot lead out of the allowed folders.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import * as l10n from '@vscode/l10n';

/** Policy and scenario files larger than this are refused (an IAM policy is at most a few tens of KB). */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadRefusal = 'not-found' | 'permission' | 'not-a-file' | 'too-large' | 'binary' | 'outside' | 'error';

export type ReadResult =
  | { ok: true; text: string; /** the real path that was read */ path: string }
  | { ok: false; code: ReadRefusal; /** what is wrong, after the file's name */ message: string; /** the same without the name */ reason: string };

export interface ReadOptions {
  /** default MAX_FILE_BYTES */
  maxBytes?: number;
  /** folders the file must be inside after symbolic links are resolved; undefined: anywhere */
  roots?: readonly string[];
  /** how messages name `roots`; default "the workspace folders" */
  rootsName?: string;
  /** what to do when the file is outside `roots` (appended to the message) */
  outsideAdvice?: string;
}

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting; O_NOCTTY: a terminal device never
// becomes our controlling terminal. Neither exists on Windows, where FIFOs and devices are not files anyway.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function kindOf(st: Stats): string {
  if (st.isFIFO()) return l10n.t('a named pipe (FIFO)');
  if (st.isCharacterDevice() || st.isBlockDevice()) return l10n.t('a device');
  if (st.isSocket()) return l10n.t('a socket');
  return l10n.t('not a regular file');
}

/** `file` as a path relative to the first root that holds it (with `/`), else `fallback`. */
export function displayPath(file: string, roots: readonly string[] = [], fallback = file): string {
  for (const root of roots) {
    const rel = relative(root, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return fallback;
}

function realRoots(roots: readonly string[]): string[] {
  return roots.map((r) => { try { return realpathSync(r); } catch { return resolve(r); } });
}

function inside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => { const rel = relative(root, path); return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)); });
}

/**
 * Reads a UTF-8 text file (a leading BOM dropped) without ever blocking on it or reading more than the limit.
 * Never throws: a refusal says what the file is and why it was not read.
 */
export function readTextFile(file: string, options: ReadOptions = {}): ReadResult {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const roots = options.roots ? realRoots(options.roots) : undefined;
  const name = displayPath(resolve(file), roots ?? [], file);
  const refuse = (code: ReadRefusal, reason: string): ReadResult => ({ ok: false, code, message: `${name}: ${reason}`, reason });
  let real: string;
  try { real = realpathSync(file); } catch (e) { return refuse(...errnoReason(e as NodeJS.ErrnoException)); }
  if (roots && !inside(real, roots)) {
    const where = options.rootsName ?? l10n.t('the workspace folders');
    const outside = real !== resolve(file) ? l10n.t('is outside {0} (it leads to {1}), so it is not read.', where, real) : l10n.t('is outside {0}, so it is not read.', where);
    return refuse('outside', `${outside}${options.outsideAdvice ? ' ' + options.outsideAdvice : ''}`);
  }
  let fd: number;
  try { fd = openSync(real, OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0)); } catch (e) { return refuse(...errnoReason(e as NodeJS.ErrnoException)); }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return refuse('not-a-file', l10n.t('is a directory; pass the policy files inside it.'));
    if (!st.isFile()) return refuse('not-a-file', l10n.t('is {0}, not a file, so it is not read; name a JSON file instead.', kindOf(st)));
    if (st.size > maxBytes) {
      return refuse('too-large', maxBytes === MAX_FILE_BYTES
        ? l10n.t('is {0} bytes; files over {1} bytes are not read (an IAM policy is at most a few tens of KB).', st.size.toLocaleString('en-US'), maxBytes.toLocaleString('en-US'))
        : l10n.t('is {0} bytes; files over {1} bytes are not read.', st.size.toLocaleString('en-US'), maxBytes.toLocaleString('en-US')));
    }
    // read from the handle, at most one byte past the limit: the file may grow between fstat and read
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > maxBytes) return refuse('too-large', l10n.t('grew past {0} bytes while it was read; it is not read.', maxBytes.toLocaleString('en-US')));
    const data = buf.subarray(0, n);
    if (data.includes(0)) return refuse('binary', l10n.t('looks like a binary file, not JSON.'));
    return { ok: true, text: data.toString('utf8').replace(/^\uFEFF/, ''), path: real };
  } catch (e) {
    return refuse(...errnoReason(e as NodeJS.ErrnoException));
  } finally {
    closeSync(fd);
  }
}

function errnoReason(e: NodeJS.ErrnoException): [ReadRefusal, string] {
  switch (e.code) {
    case 'ENOENT': case 'ENOTDIR': return ['not-found', l10n.t('no such file; check the path.')];
    case 'EACCES': case 'EPERM': return ['permission', l10n.t('permission denied.')];
    case 'ELOOP': return ['not-a-file', l10n.t('is a symbolic link loop.')];
    case 'EISDIR': return ['not-a-file', l10n.t('is a directory; pass the policy files inside it.')];
    case 'ENXIO': return ['not-a-file', l10n.t('is a socket or a device with nothing behind it, not a file.')];
    default: return ['error', l10n.t('cannot be read ({0}).', e.code ?? e.message)];
  }
}
