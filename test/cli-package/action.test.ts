// The GitHub Action's entry point (dist/action.js, named by action.yml) run as the runner runs it: `node` on the entry,
// cwd and GITHUB_WORKSPACE the checkout, every input as INPUT_<NAME> (its default from action.yml when the workflow
// leaves it out), GITHUB_OUTPUT a file for the outputs, GITHUB_ACTIONS=true. Checks the exit code, the annotations,
// the SARIF file and the outputs.
// https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse as load } from 'yaml';

const root = join(__dirname, '..', '..');
const action = load(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>; outputs: Record<string, unknown>; runs: { using: string; main: string };
};

const workspace = mkdtempSync(join(tmpdir(), 'iam-action-'));
cpSync(join(root, 'examples'), join(workspace, 'examples'), { recursive: true });
// a policy inside node_modules must never be linted by the default glob
mkdirSync(join(workspace, 'node_modules', 'dep'), { recursive: true });
writeFileSync(join(workspace, 'node_modules', 'dep', 'vendored.policy.json'), '{"Statement": [{"Effect": "Allow", "Action": "nope:Nope"}]}');
mkdirSync(join(workspace, 'warn'));
writeFileSync(join(workspace, 'warn', 'no-version.policy.json'), JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, null, 2));

let runs = 0;
function runAction(inputs: Record<string, string>) {
  const outputFile = join(workspace, `github-output-${++runs}`);
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile };
  for (const [name, spec] of Object.entries(action.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  }
  const r = spawnSync(process.execPath, [join(root, action.runs.main)], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n'), outputs };
}

describe('the GitHub Action', () => {
  after(() => rmSync(workspace, { recursive: true, force: true }));
  it('is a Node action whose entry is the bundle, and declares the outputs it writes', () => {
    assert.equal(action.runs.using, 'node24');
    assert.equal(action.runs.main, 'dist/action.js');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on', 'format', 'paths', 'sarif-output', 'scenarios']);
    assert.deepEqual(Object.keys(action.outputs).sort(), ['errors', 'files-checked', 'sarif-file', 'scenarios-failed', 'scenarios-passed', 'warnings']);
  });

  it('with the defaults and a SARIF path: lints every policy file, runs the scenarios, annotates, writes SARIF and outputs', () => {
    const r = runAction({ 'sarif-output': 'reports/iam.sarif' });
    assert.equal(r.status, 1, 'the example policy with the typo is an error\n' + r.stdout + r.stderr);
    assert.ok(r.lines.includes('::error file=examples/policies/app-read-s3.policy.json,line=22,endLine=22,col=17,endColumn=35,title=IAM201::Unknown service "dyanmodb" in "dyanmodb:GetItem". Did you mean "dynamodb"?'), r.stdout);
    assert.ok(r.lines.some((l) => l.startsWith('::warning file=warn/no-version.policy.json,line=2,')), r.stdout);
    assert.doesNotMatch(r.stdout, /vendored|nope:Nope/, 'node_modules is not searched');
    // the example scenarios: 3 on policy files, 12 on the IAM model of examples/model
    assert.match(r.stdout, /^15 passed, 0 failed$/m);
    assert.deepEqual(r.outputs, { 'sarif-file': 'reports/iam.sarif', 'files-checked': '6', errors: '1', warnings: '1', 'scenarios-passed': '15', 'scenarios-failed': '0' });
    const sarif = JSON.parse(readFileSync(join(workspace, 'reports', 'iam.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const typo = sarif.runs[0].results.find((x) => x.ruleId === 'IAM201');
    assert.equal(typo?.locations[0].physicalLocation.artifactLocation.uri, 'examples/policies/app-read-s3.policy.json', 'SARIF paths are relative to the checkout, as code scanning expects');
  });

  it('fail-on: a warning passes by default and fails with fail-on: warning', () => {
    const byDefault = runAction({ paths: 'warn/*.json', scenarios: '' });
    assert.equal(byDefault.status, 0, byDefault.stdout);
    assert.deepEqual(byDefault.outputs, { 'files-checked': '1', errors: '0', warnings: '1' });
    assert.equal(runAction({ paths: 'warn/*.json', scenarios: '', 'fail-on': 'warning' }).status, 1);
  });

  it('paths: several patterns, {a,b} and ! exclusions', () => {
    const r = runAction({ paths: 'examples/policies/*.{json,jsonc}\n!examples/policies/app-read-s3.policy.json\nwarn/**', scenarios: '', 'fail-on': 'error' });
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.outputs['files-checked'], '5');
  });

  it('format json keeps the annotations and prints the JSON results', () => {
    const r = runAction({ paths: 'examples/policies/app-read-s3.policy.json', scenarios: '', format: 'json' });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /"code": "IAM201"/);
    assert.match(r.stderr, /^::error file=examples\/policies\/app-read-s3\.policy\.json,line=22,/m);
  });

  it('a pattern that matches nothing is a warning; a named file that is missing and a bad input are errors (exit 2)', () => {
    const none = runAction({ paths: 'nowhere/**/*.json', scenarios: '' });
    assert.equal(none.status, 0, none.stdout);
    assert.ok(none.lines.includes('::warning::iam-policy: no policy file matches "nowhere/**/*.json" (input "paths")'), none.stdout);
    const missing = runAction({ paths: 'policies/missing.policy.json', scenarios: '' });
    assert.equal(missing.status, 2);
    assert.ok(missing.lines.includes('::error file=policies/missing.policy.json,title=iam-policy lint::cannot read policies/missing.policy.json: no such file; check the path.'), missing.stdout);
    const format = runAction({ format: 'xml' });
    assert.equal(format.status, 2);
    assert.ok(format.lines.includes('::error::input "format" must be text, json or sarif, not "xml"'), format.stdout);
    assert.deepEqual(format.outputs, {});
  });

  it('a failing scenario fails the step with an annotation on the scenario file', () => {
    writeFileSync(join(workspace, 'examples', 'scenarios', 'wrong.scenario.json'), JSON.stringify({
      name: 'deletes are allowed', identityPolicies: [{ file: '../policies/app-read-s3.policy.json' }],
      request: { principal: 'arn:aws:iam::111122223333:role/app', action: 's3:DeleteObject', resource: 'arn:aws:s3:::reports-bucket/r.csv' }, expected: 'Allowed',
    }));
    const r = runAction({ paths: '', scenarios: 'examples/scenarios/wrong.scenario.json' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.ok(r.lines.some((l) => l.startsWith('::error file=examples/scenarios/wrong.scenario.json,title=iam-policy test::deletes are allowed: ImplicitlyDenied, expected Allowed')), r.stdout + r.stderr);
    assert.deepEqual(r.outputs, { 'scenarios-passed': '0', 'scenarios-failed': '1' });
  });
});
