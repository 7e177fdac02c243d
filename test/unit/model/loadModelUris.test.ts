// The workspace model kept between requests (issue 13): loadModelUris loads again only when what a file reads as
// changed (a model file or a policy file it names with {"file": ...}); with the server's file cache behind the
// reader, an unchanged model on disk is read once however many hovers and validations ask for it.
import { strict as assert } from 'node:assert';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { COARSE_SETTLE_MS, FileTextCache } from '../../../server/src/node/fileTextCache';
import { loadManagedPolicies, MAX_MODEL_BYTES } from '../../../server/src/node/modelFiles';
import { readTextFile, type ReadOptions } from '../../../server/src/node/safeFile';
import { loadModelUris } from '../../../server/src/service/model';
import type { ReadText } from '../../../server/src/service/simulate';
import type { ModelRole } from '../../../server/src/core/model/types';

const managed = loadManagedPolicies();
const trust = (principal: object) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const modelText = (principal: object) => JSON.stringify({ id: '123456789012', roles: { Target: { trustPolicy: trust(principal), policies: [{ file: 'target.policy.json' }] } } });
const policyText = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const role = (m: ReturnType<typeof loadModelUris>) => m.model.accounts.get('123456789012')!.roles.get('target') as ModelRole;
const actionOf = (r: ModelRole) => { const p = r.policies[0]; return p.kind === 'inline' ? JSON.stringify(p.doc.document) : ''; };

/** files on disk with their own modification times (seconds), so two versions never share a stat */
let mtime = 1_000_000;
function write(file: string, text: string): void {
  writeFileSync(file, text);
  mtime += 10;
  utimesSync(file, mtime, mtime);
}

/** the server's disk path: file URIs through a FileTextCache whose clock is past COARSE_SETTLE_MS; counts disk reads */
function diskReader() {
  const reads: string[] = [];
  const cache = new FileTextCache({ read: (f: string, o: ReadOptions) => { reads.push(f); return readTextFile(f, o); }, now: () => Date.now() + COARSE_SETTLE_MS + 1000 });
  const read: ReadText = (uri) => { const r = cache.read(fileURLToPath(uri), { maxBytes: MAX_MODEL_BYTES }); return r.ok ? r.text : { error: r.message, reason: r.reason }; };
  return { read, reads };
}

describe('loadModelUris', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-model-uris-'));
  const modelFile = join(dir, 'w.iam-model.json');
  const policyFile = join(dir, 'target.policy.json');
  const uri = pathToFileURL(modelFile).toString();

  it('an unchanged model on disk is read once for 100 loads, and every load is the same model', () => {
    write(modelFile, modelText({ AWS: 'arn:aws:iam::123456789012:user/Hoge' }));
    write(policyFile, policyText('s3:GetObject'));
    const { read, reads } = diskReader();
    const first = loadModelUris([uri], read, managed);
    for (let i = 0; i < 100; i++) assert.equal(loadModelUris([uri], read, managed), first);
    assert.deepEqual(reads, [modelFile, policyFile]);
  });

  it('a model file written on disk is read again and the model follows it', () => {
    const { read, reads } = diskReader();
    const before = loadModelUris([uri], read, managed);
    write(modelFile, modelText({ Service: 'lambda.amazonaws.com' }));
    const after = loadModelUris([uri], read, managed);
    assert.notEqual(after, before);
    assert.match(JSON.stringify(role(after).trustPolicy?.document), /lambda\.amazonaws\.com/);
    assert.equal(loadModelUris([uri], read, managed), after);
    assert.equal(reads.filter((r) => r === modelFile).length, 2);
  });

  it('a policy file the model names is part of it: changing only that file loads the model again', () => {
    const { read } = diskReader();
    const before = loadModelUris([uri], read, managed);
    assert.match(actionOf(role(before)), /s3:GetObject/);
    write(policyFile, policyText('s3:PutObject'));
    const after = loadModelUris([uri], read, managed);
    assert.notEqual(after, before);
    assert.match(actionOf(role(after)), /s3:PutObject/);
  });

  it('reads each file once per call, also when the model is loaded again', () => {
    const counts = new Map<string, number>();
    const texts = new Map([[uri, modelText({ AWS: 'arn:aws:iam::123456789012:root' })], [pathToFileURL(policyFile).toString(), policyText('s3:ListBucket')]]);
    const read: ReadText = (u) => { counts.set(u, (counts.get(u) ?? 0) + 1); return texts.get(u); };
    loadModelUris([uri], read, managed);
    assert.deepEqual([...counts.values()], [1, 1]);
    counts.clear();
    loadModelUris([uri], read, managed);
    assert.deepEqual([...counts.values()], [1, 1]);
  });

  it('the same text read again into another string is no change: the model is not loaded again', () => {
    const texts = new Map([[uri, modelText({ AWS: 'arn:aws:iam::123456789012:root' })], [pathToFileURL(policyFile).toString(), policyText('s3:ListBucket')]]);
    // a new string with the same characters on every read, as a file read from disk again gives
    const read: ReadText = (u) => { const t = texts.get(u); return t === undefined ? t : Buffer.from(t).toString(); };
    const first = loadModelUris([uri], read, managed);
    for (let i = 0; i < 5; i++) assert.equal(loadModelUris([uri], read, managed), first);
  });

  it('an open document\'s text (an unsaved edit) is a change like any other', () => {
    const { read } = diskReader();
    const fromDisk = loadModelUris([uri], read, managed);
    const edited = modelText({ AWS: 'arn:aws:iam::123456789012:user/Edited' });
    const withEdit: ReadText = (u) => (u === uri ? edited : read(u));
    const open = loadModelUris([uri], withEdit, managed);
    assert.notEqual(open, fromDisk);
    assert.match(JSON.stringify(role(open).trustPolicy?.document), /user\/Edited/);
    assert.equal(loadModelUris([uri], withEdit, managed), open);
  });
});
