// Shared by the integration suites (bundled into each by scripts/host/build-tests.mjs; index.ts loads only *.test.js).
export const EXTENSION_ID = 'iam-policy-tools.iam-policy-language-tools';

/** Calls fn until ok(result) or the deadline: the language server answers only after it has started. */
export async function poll<T>(fn: () => Thenable<T> | T, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await fn();
  while (!ok(last) && Date.now() < end) {
    await sleep(200);
    last = await fn();
  }
  return last;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
