// The workspace model kept on the server between requests (issue 13), through the real server over stdio: a principal
// hover and IAM810 follow the model file when it changes on disk (written in place, or replaced the way
// `aws iam get-account-authorization-details > tmp && mv tmp model.authz.json` does) without the client saying so,
// and while it is edited in the editor and not saved; an unchanged model is not read from disk again (on Linux the
// bytes the server process reads, /proc/PID/io rchar, show it).
// PassRole: a service that receives a role assumes it through the role's trust policy —
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateExport } from '../fixtures/authzExport';
import { hoverText, LspClient } from './lspClient';

const ACCOUNT = '123456789012';
const ROLE0 = `arn:aws:iam::${ACCOUNT}:role/role0`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const plain = (h: Parameters<typeof hoverText>[0]) => hoverText(h).replace(/[*`]/g, '');
/** the server keeps a file's text once its last change is old enough: at most 3 s (server/src/node/fileTextCache.ts COARSE_SETTLE_MS) */
const SETTLED_MS = 3100;

/** the export with role0 trusting `principal` (role0 trusts the account in the generated export) */
function exportText(principal: object): string {
  const e = generateExport({ account: ACCOUNT, users: 300, roles: 300 }) as { RoleDetailList: { AssumeRolePolicyDocument: unknown }[] };
  e.RoleDetailList[0].AssumeRolePolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] };
  return JSON.stringify(e, null, 4);
}
const ROOT = { AWS: `arn:aws:iam::${ACCOUNT}:root` };
const LAMBDA = { Service: 'lambda.amazonaws.com' };
const EC2 = { Service: 'ec2.amazonaws.com' };

describe('the workspace model follows its files over LSP and is not read again while unchanged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iam-model-reload-'));
  const file = join(dir, 'account.authz.json');
  const modelUri = pathToFileURL(file).toString();
  const text = `${JSON.stringify({ Version: '2012-10-17', Statement: [
    { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: ROLE0 },
    { Sid: 'Assume', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [ROLE0, `arn:aws:iam::${ACCOUNT}:user/user7`] },
  ] }, null, 2)}\n`;
  let lsp: LspClient;
  let uri: string;
  let edits = 0;
  const roleHover = async () => plain(await lsp.hover(uri, text.indexOf('role/role0')));
  /** the policy's IAM810 diagnostics after an edit (the user types; the document is validated again) */
  const iam810AfterEdit = async () => {
    lsp.change(uri, text.replace('"Pass"', `"Pass${++edits}"`));
    return (await lsp.diagnostics(uri)).filter((d) => d.code === 'IAM810').map((d) => String(d.message));
  };

  before(async () => {
    writeFileSync(file, exportText(ROOT));
    lsp = await LspClient.start({ workspaceFolders: [pathToFileURL(dir).toString()] });
    await lsp.connection.sendNotification('iamPolicy/workspaceModel', { uris: [modelUri] });
    uri = lsp.open(pathToFileURL(join(dir, 'deploy.policy.json')).toString(), text);
  });
  after(async () => {
    await lsp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the model on disk: IAM810 on role0, which trusts only the account, and the hover says so', async () => {
    const diags = (await lsp.diagnostics(uri)).filter((d) => d.code === 'IAM810');
    assert.equal(diags.length, 1, JSON.stringify(diags));
    assert.match(String(diags[0].message), /role0 \(in account\.authz\.json\) cannot be passed to any service.*only arn:aws:iam::123456789012:root/);
    assert.match(await roleHover(), /Trust policy \(who may assume it\): arn:aws:iam::123456789012:root/);
  });

  it('follows the file when it is replaced on disk (a new file renamed over it) and when it is written in place, without a notification', async () => {
    writeFileSync(`${file}.tmp`, exportText(LAMBDA));
    renameSync(`${file}.tmp`, file);
    assert.match(await roleHover(), /Trust policy \(who may assume it\): lambda\.amazonaws\.com/);
    assert.deepEqual(await iam810AfterEdit(), []);
    writeFileSync(file, exportText(ROOT));
    assert.match(await roleHover(), /Trust policy \(who may assume it\): arn:aws:iam::123456789012:root/);
    assert.equal((await iam810AfterEdit()).length, 1);
  });

  it('follows an unsaved edit of the model file in the editor, and the file on disk again once it is closed', async () => {
    lsp.open(modelUri, exportText(LAMBDA), 'json');
    assert.match(await roleHover(), /Trust policy \(who may assume it\): lambda\.amazonaws\.com/);
    assert.deepEqual(await iam810AfterEdit(), []);
    lsp.change(modelUri, exportText(EC2));
    assert.match(await roleHover(), /Trust policy \(who may assume it\): ec2\.amazonaws\.com/);
    lsp.close(modelUri);
    assert.match(await roleHover(), /Trust policy \(who may assume it\): arn:aws:iam::123456789012:root/);
    assert.equal((await iam810AfterEdit()).length, 1);
  });

  it('does not read an unchanged model file again for hovers and validations, and reads it once it changes', async (t) => {
    const size = statSync(file).size;
    const wait = statSync(file).ctimeMs + SETTLED_MS - Date.now();
    if (wait > 0) await sleep(wait);
    await roleHover();
    const io = `/proc/${lsp.proc.pid}/io`;
    const readBytes = () => Number(/rchar:\s*(\d+)/.exec(readFileSync(io, 'utf8'))![1]);
    // the bytes the process read are visible on Linux only; elsewhere the answers are still checked
    const linux = process.platform === 'linux';
    if (linux) assert.ok(existsSync(io), `${io} is missing`);
    else t.diagnostic('not Linux: the bytes the server reads are not measured');
    const r0 = linux ? readBytes() : 0;
    for (let i = 0; i < 20; i++) assert.match(await roleHover(), /role0 of account 123456789012/);
    assert.equal((await iam810AfterEdit()).length, 1);
    // requests and their answers pass through stdin: a few KB, never the model's size
    if (linux) assert.ok(readBytes() - r0 < size / 4, `the server read ${readBytes() - r0} bytes for 20 hovers and a validation; the model is ${size} bytes`);
    writeFileSync(`${file}.tmp`, exportText(LAMBDA));
    renameSync(`${file}.tmp`, file);
    const r1 = linux ? readBytes() : 0;
    assert.match(await roleHover(), /lambda\.amazonaws\.com/);
    if (linux) assert.ok(readBytes() - r1 >= size, `the server read ${readBytes() - r1} bytes after the model changed; the model is ${size} bytes`);
  });
});
