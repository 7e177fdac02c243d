// What the model knows about an ARN under the cursor (iam-model.md §4): the markdown the server's hover puts first.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { loadModel } from '../../../server/src/core/model/load';
import type { PathEdge } from '../../../server/src/core/model/paths';
import { principalModelMarkdown } from '../../../server/src/service/hover/principalModel';
import { escalationsForHover, HOVER_PATHS_MAX_PRINCIPALS, modelEscalations } from '../../../server/src/service/model';
import { catalog } from '../helpers';

const FILE = 'file:///w/team.iam-model.json';
const model = loadModel([{ name: FILE, text: JSON.stringify({
  id: '111111111111', name: 'main',
  users: { Hoge: { groups: ['Dev'], permissionsBoundary: { name: 'Bound', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } } } },
  groups: { Dev: { policies: [{ name: 'Read', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }] } },
  roles: {
    'deploy-a': { trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] } },
    'deploy-b': { trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
  },
}) }]).model;
const plain = (s: string | undefined) => (s ?? '').replace(/[*`]/g, '');
const never = (): PathEdge[] => { throw new Error('escalation paths were asked for'); };

describe('hover: what the model knows about a principal', () => {
  it('a user: account, file, groups with the policies they bring, boundary, and the escalation paths it starts', () => {
    const edge: PathEdge = { from: 'arn:aws:iam::111111111111:user/Hoge', to: 'arn:aws:iam::111111111111:role/deploy-a', kind: 'sts:AssumeRole', via: ['sts:AssumeRole'], statements: [], assumptions: [], escalation: true };
    const md = plain(principalModelMarkdown('arn:aws:iam::111111111111:user/Hoge', model, [FILE], () => [edge]));
    assert.match(md, /^In the IAM model \(team\.iam-model\.json\): user Hoge of account 111111111111 \(main\), written in team\.iam-model\.json/);
    assert.match(md, /Groups: Dev\n- Policies: Read \(inline\) ← Dev\n- Permissions boundary: Bound \(inline\)/);
    assert.match(md, /1 escalation path\(s\) start here \(iam-policy paths\); the first: role\/deploy-a \(sts:AssumeRole\)/);
  });

  it('a role session names its role; the trust says who may assume it, conditions marked', () => {
    const md = plain(principalModelMarkdown('arn:aws:sts::111111111111:assumed-role/deploy-a/alice', model, [FILE], () => []));
    assert.match(md, /role deploy-a of account 111111111111/);
    assert.match(md, /Trust policy \(who may assume it\): arn:aws:iam::111111111111:root \(with conditions\)/);
    assert.match(md, /No escalation path starts here/);
  });

  it('an account, as root ARN or bare ID: what the model holds of it', () => {
    for (const text of ['arn:aws:iam::111111111111:root', '111111111111']) {
      assert.match(plain(principalModelMarkdown(text, model, [FILE], never)), /account 111111111111 \(main\) in team\.iam-model\.json: 1 users, 1 groups, 2 roles\./);
    }
  });

  it('a pattern: the model\'s principals it matches', () => {
    assert.match(plain(principalModelMarkdown('arn:aws:iam::111111111111:role/deploy-*', model, [FILE], never)), /this pattern matches 2 role\(s\) of the model: arn:aws:iam::111111111111:role\/deploy-a, arn:aws:iam::111111111111:role\/deploy-b/);
    assert.match(plain(principalModelMarkdown('arn:aws:iam::111111111111:user/x*', model, [FILE], never)), /this pattern matches no user of the model/);
  });

  it('unknown to the model: another account, or a name the account does not have; escalation paths are not asked for', () => {
    assert.match(plain(principalModelMarkdown('arn:aws:iam::222222222222:role/Other', model, [FILE], never)), /account 222222222222 is not in the model, so it knows nothing about this role; the accounts are 111111111111/);
    assert.match(plain(principalModelMarkdown('arn:aws:iam::111111111111:user/Fuga', model, [FILE], never)), /account 111111111111 \(main\) has no user named Fuga: the model does not know it/);
  });

  it('anything else is not its business', () => {
    for (const text of ['arn:aws:s3:::bucket', 's3:GetObject', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111111111111:group/Dev']) {
      assert.equal(principalModelMarkdown(text, model, [FILE], never), undefined, text);
    }
  });

  it('a large model whose paths nobody asked for yet: the hover says so instead of computing them; once asked, it shows them', () => {
    const users = Object.fromEntries(Array.from({ length: HOVER_PATHS_MAX_PRINCIPALS + 1 }, (_, i) => [`u${i}`, {}]));
    const loaded = loadModel([{ name: 'file:///w/big.iam-model.json', text: JSON.stringify({ id: '111111111111', users }) }]);
    assert.equal(escalationsForHover(loaded, catalog), undefined);
    const md = plain(principalModelMarkdown('arn:aws:iam::111111111111:user/u1', loaded.model, ['file:///w/big.iam-model.json'], () => escalationsForHover(loaded, catalog)));
    assert.match(md, /Escalation paths: not computed on hover for a model this large; the IAM view marks them, and iam-policy paths lists them\./);
    const edges = modelEscalations(loaded, catalog);
    assert.equal(escalationsForHover(loaded, catalog), edges);
    const small = loadModel([{ name: FILE, text: JSON.stringify({ id: '111111111111', users: { a: {} } }) }]);
    assert.deepEqual(escalationsForHover(small, catalog), []);
  });
});
