// Policies inside CloudFormation/SAM/CDK templates: extraction with the right type and id, partial evaluation of
// intrinsics with typed placeholders, and findings mapped back to the scalar the user wrote.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeTemplate, templateFormatOf, readTemplate } from '../../../server/src/service/embedded/templates';
import { isCloudFormationTemplate } from '../../../server/src/core/embedded/cloudformation';
import { templateCompletion } from '../../../server/src/service/embedded/templateCompletion';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { catalog } from '../helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'templates');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const analyze = (name: string, text = read(name)) => analyzeTemplate(`file:///${name}`, text, templateFormatOf(name, text), catalog, DEFAULT_SETTINGS);
/** the host text a diagnostic's range covers */
const textAt = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const doc = TextDocument.create('file:///x', 'yaml', 1, text);
  return text.slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
};

describe('CloudFormation templates: extraction', () => {
  it('finds every policy of the YAML template with its policy type and CloudFormation path', () => {
    const r = analyze('app.template.yaml')!;
    assert.deepEqual(r.policies.map((p) => [p.id, p.policyType]), [
      ['Resources/WorkerRole/Properties/AssumeRolePolicyDocument', 'trust'],
      ['Resources/WorkerRole/Properties/Policies/0/PolicyDocument', 'identity'],
      ['Resources/BucketPolicy/Properties/PolicyDocument', 'resource'],
      ['Resources/Guard/Properties/Content', 'scp'],
    ]);
  });

  it('takes only inline documents from SAM Policies (managed names and policy templates are not policies)', () => {
    const r = analyze('sam.yaml')!;
    assert.deepEqual(r.policies.map((p) => [p.id, p.policyType]), [['Resources/Fn/Properties/Policies/2', 'identity']]);
  });

  it('reads the JSON CDK synthesizes, with long-form intrinsics', () => {
    const r = analyze('cdk.template.json')!;
    assert.deepEqual(r.policies.map((p) => p.id), [
      'Resources/HandlerServiceRoleFCDC14AE/Properties/AssumeRolePolicyDocument',
      'Resources/HandlerServiceRoleDefaultPolicyCBD0CC91/Properties/PolicyDocument',
    ]);
    assert.match(r.policies[1].virtual.text, /"arn:aws:sqs:us-east-1:123456789012:QueueB6E1A7B0"/);
  });

  it('gives templates full of intrinsics zero errors or warnings caused by them', () => {
    for (const name of ['app.template.yaml', 'sam.yaml', 'cdk.template.json']) {
      const r = analyze(name)!;
      const loud = r.diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
      assert.deepEqual(loud.map((d) => `${d.code} ${d.message}`), [], name);
    }
  });

  it('leaves ordinary YAML and JSON alone: Kubernetes, GitHub workflows, docker-compose, OpenAPI, package.json', () => {
    const dir = join(FIXTURES, 'non-template');
    const names = readdirSync(dir);
    assert.ok(names.length >= 5);
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8');
      assert.equal(isCloudFormationTemplate(readTemplate(text, templateFormatOf(name, text)).root), false, name);
      assert.equal(analyze(name, text), undefined, name);
    }
  });
});

describe('CloudFormation templates: partial evaluation', () => {
  const policy = (id: string) => analyze('app.template.yaml')!.policies.find((p) => p.id.endsWith(id))!.virtual;

  it('assumes pseudo parameters and parameter defaults, keeps ${!var} as an IAM policy variable', () => {
    const v = policy('Policies/0/PolicyDocument');
    assert.match(v.text, /"arn:aws:s3:::Bucket\/prod\/\$\{aws:username\}\/\*"/);
    const notes = v.segments.filter((s) => s.note).map((s) => s.note);
    assert.ok(notes.includes('`AWS::Partition` assumed `aws`'), notes.join('\n'));
    assert.ok(notes.includes('parameter `Env` assumed its default `prod`'), notes.join('\n'));
  });

  it('gives GetAtt of a known type an ARN of that shape (derived), so action-versus-resource checks still run', () => {
    const v = policy('Policies/0/PolicyDocument');
    assert.match(v.text, /"Resource": "arn:aws:sqs:us-east-1:123456789012:Queue"/);
    assert.ok(v.segments.some((s) => s.kind === 'derived' && /Fn::GetAtt Queue\.Arn/.test(s.note ?? '')));
  });

  it('spreads Fn::If in a list into its branches and drops AWS::NoValue; FindInMap with literal keys resolves', () => {
    const v = policy('Policies/0/PolicyDocument');
    assert.match(v.text, /"Sid": "ProdLogs"/);
    assert.match(v.text, /"arn:aws:s3:::logs-use1\/\*"/);
    assert.doesNotMatch(v.text, /NoValue/);
  });

  it('makes a parameter without default an unknown placeholder: never empty, never a wildcard', () => {
    const v = policy('BucketPolicy/Properties/PolicyDocument');
    const unknown = v.segments.filter((s) => s.kind === 'unknown');
    assert.equal(unknown.length, 1);
    const text = v.text.slice(unknown[0].v[0], unknown[0].v[1]);
    assert.equal(text, 'ExternalPrincipal');
    assert.ok(v.hasUnknowns);
  });
});

describe('CloudFormation templates: findings at the place the user wrote', () => {
  const base = read('app.template.yaml');

  it('reports a real error next to an intrinsic at the right scalar, with its policy id', () => {
    const text = base.replace('                  - s3:PutObject\n', '                  - s3:PutObjcet\n');
    const r = analyze('app.template.yaml', text)!;
    const d = r.diagnostics.find((x) => x.code === 'IAM202');
    assert.ok(d, JSON.stringify(r.diagnostics));
    assert.equal(textAt(text, d.range), 's3:PutObjcet');
    assert.equal((d.data as { policy: string }).policy, 'Resources/WorkerRole/Properties/Policies/0/PolicyDocument');
    // the did-you-mean fix survives: it edits only the scalar's own characters
    const fix = (d.data as { fixes: { edits: { range: typeof d.range; newText: string }[] }[] }).fixes[0];
    assert.equal(textAt(text, fix.edits[0].range), 's3:PutObjcet');
    assert.equal(fix.edits[0].newText, 's3:PutObject');
  });

  it('checks the derived ARN: an S3 action on !GetAtt Queue.Arn is reported at the intrinsic', () => {
    const text = base.replace('Action: [sqs:ReceiveMessage, sqs:DeleteMessage]', 'Action: [s3:GetObject]');
    const r = analyze('app.template.yaml', text)!;
    const d = r.diagnostics.find((x) => String(x.code).startsWith('IAM4'));
    assert.ok(d, JSON.stringify(r.diagnostics.map((x) => x.code)));
    assert.equal(textAt(text, d.range), 'Queue.Arn');
  });

  it('reports nothing about a value known only at deploy time (an action from a parameter without default)', () => {
    const text = base.replace('Action: [sqs:ReceiveMessage, sqs:DeleteMessage]', 'Action: [!Ref ExternalPrincipal, sqs:DeleteMesage]');
    const r = analyze('app.template.yaml', text)!;
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 1).map((d) => [d.code, textAt(text, d.range)]), [['IAM202', 'sqs:DeleteMesage']]);
  });

  it('checks every branch of an Fn::If in a scalar position, and reports a finding once', () => {
    const text = base.replace('Resource: !GetAtt Queue.Arn', 'Resource: !If [IsProd, !GetAtt Queue.Arn, "arn:aws:sqs:us-east-1:123456789012:dev"]')
      .replace('Action: [sqs:ReceiveMessage, sqs:DeleteMessage]', 'Action: !If [IsProd, sqs:ReceiveMessage, sqs:RecieveMessage]')
      .replace('- s3:PutObject\n', '- s3:PutObjcet\n');
    const r = analyze('app.template.yaml', text)!;
    const typos = r.diagnostics.filter((d) => d.code === 'IAM202').map((d) => textAt(text, d.range));
    assert.deepEqual(typos.sort(), ['s3:PutObjcet', 'sqs:RecieveMessage']);
  });

  it('maps errors inside a Sub string to the characters of the template', () => {
    const text = base.replace('arn:${AWS::Partition}:s3:::${Bucket}', 'arn:${AWS::Partition}:s4:::${Bucket}');
    const r = analyze('app.template.yaml', text)!;
    const d = r.diagnostics.find((x) => /s4/.test(String(x.message)));
    assert.ok(d, JSON.stringify(r.diagnostics.map((x) => x.message)));
    assert.match(textAt(text, d.range), /s4/);
  });

  it('gives a template YAML rejects one syntax diagnostic and still checks the policies it could read', () => {
    const text = base.replace('  Guard:\n', '  Guard:\n   bad: [unclosed\n') + '\n';
    const r = analyze('app.template.yaml', text.replace('- s3:PutObject\n', '- s3:PutObjcet\n'))!;
    assert.equal(r.diagnostics.filter((d) => d.code === 'IAM001').length, 1);
    assert.ok(r.diagnostics.some((d) => d.code === 'IAM202'));
  });
});

describe('CloudFormation templates: hostile input stays bounded', () => {
  const cpu = (f: () => void) => { const t0 = process.cpuUsage(); f(); const d = process.cpuUsage(t0); return (d.user + d.system) / 1000; };

  it('an alias bomb is refused with one syntax diagnostic, not expanded', () => {
    let text = 'AWSTemplateFormatVersion: "2010-09-09"\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    text += 'Resources:\n  R:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: *a11\n';
    let r: ReturnType<typeof analyze>;
    const ms = cpu(() => { r = analyze('bomb.yaml', text); });
    assert.ok(ms < 2000, `${ms} ms`);
    assert.deepEqual(r!.diagnostics.map((d) => d.code), ['IAM001']);
    assert.match(String(r!.diagnostics[0].message), /aliases here expand to more than/);
  });

  it('deep nesting (flow and block) is refused before the parser recurses', () => {
    const flow = 'AWSTemplateFormatVersion: x\nResources: ' + '['.repeat(100_000) + '\n';
    const block = 'AWSTemplateFormatVersion: x\nResources:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + '\n';
    for (const text of [flow, block]) {
      const ms = cpu(() => analyze('deep.yaml', text));
      assert.ok(ms < 2000, `${ms} ms`);
    }
  });

  it('adversarial wildcards inside a template (action and resource) are checked in bounded CPU', () => {
    const action = 's3:' + '*?'.repeat(30);
    const resource = 'arn:aws:s3:::' + '*a'.repeat(20) + '*b';
    const text = read('app.template.yaml').replace('Action: [sqs:ReceiveMessage, sqs:DeleteMessage]', `Action: ["${action}"]`)
      .replace('Resource: !GetAtt Queue.Arn', `Resource: "${resource}"`);
    let r: ReturnType<typeof analyze>;
    const ms = cpu(() => { r = analyze('app.template.yaml', text); });
    assert.ok(ms < 500, `${ms} ms`);
    assert.ok(r!.policies.length === 4);
  });

  it('a 1 MB template with 400 policies is checked in bounded time', () => {
    const policy = (i: number) => `  Role${i}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Version: "2012-10-17"\n            Statement:\n` +
      Array.from({ length: 8 }, (_, j) => `              - Sid: S${j}\n                Effect: Allow\n                Action: [s3:GetObject, "sqs:Send*"]\n                Resource: !Sub "arn:\${AWS::Partition}:s3:::bucket-${i}-${j}/\${!aws:username}/*"\n`).join('');
    let text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    for (let i = 0; text.length < 1_000_000; i++) text += policy(i);
    let r: ReturnType<typeof analyze>;
    const ms = cpu(() => { r = analyze('big.yaml', text); });
    assert.ok(r!.policies.length > 400, String(r!.policies.length));
    assert.ok(ms < 10_000, `${ms} ms`);
    console.log(`# 1 MB template, ${r!.policies.length} policies: ${ms.toFixed(0)} ms CPU`);
  });
});

describe('CloudFormation templates: completion in YAML scalars', () => {
  const complete = (text: string, at: number) => {
    const a = analyze('app.template.yaml', text)!;
    const doc = TextDocument.create('file:///app.template.yaml', 'yaml', 1, text);
    return { doc, list: templateCompletion(doc, a, doc.positionAt(at), catalog) };
  };

  it('completes actions in a plain scalar, editing only the scalar (no JSON quotes in YAML)', () => {
    const text = read('app.template.yaml').replace('                  - s3:PutObject\n', '                  - s3:PutObj\n');
    const at = text.indexOf('s3:PutObj') + 's3:PutObj'.length;
    const { doc, list } = complete(text, at);
    const item = list!.items.find((i) => i.label === 's3:PutObject' || i.label === 'PutObject');
    assert.ok(item, JSON.stringify(list!.items.slice(0, 5).map((i) => i.label)));
    const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    assert.doesNotMatch(edit.newText, /"/);
    const after = text.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.offsetAt(edit.range.end));
    assert.match(after, /- s3:PutObject\n/);
  });

  it('completes in an empty quoted scalar, and offers nothing outside the policies', () => {
    const text = read('app.template.yaml').replace('Action: s3:PutObject', 'Action: ""');
    const at = text.indexOf('Action: ""') + 'Action: "'.length;
    assert.ok(complete(text, at).list!.items.length > 10);
    assert.equal(complete(text, text.indexOf('Description:') + 3).list, null);
  });
});

describe('CloudFormation templates: policies written as JSON strings', () => {
  it('a !Sub block of JSON maps each line exactly: a typo inside is reported at its characters', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Logs:
    Type: AWS::Logs::LogGroup
  Pol:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Sub |
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Action": ["logs:PutLogEvnts", "logs:CreateLogStream"],
            "Resource": "arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:\${Logs}:*"
          }]
        }
`;
    const r = analyze('string.yaml', text)!;
    assert.deepEqual(r.policies.map((p) => p.id), ['Resources/Pol/Properties/PolicyDocument']);
    assert.match(r.policies[0].virtual.text, /"arn:aws:logs:us-east-1:123456789012:log-group:Logs:\*"/);
    const d = r.diagnostics.filter((x) => x.severity === 1 || x.severity === 2);
    assert.deepEqual(d.map((x) => [x.code, textAt(text, x.range)]), [['IAM202', '"logs:PutLogEvnts"']]);
  });

  it('a string that is not JSON is noted as not analysed (IAM704), never skipped silently', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument: !ImportValue shared-policy\n';
    const r = analyze('import.yaml', text)!;
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['IAM704']);
  });
});

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-eventbuspolicy.html:
// `Statement` is "the permission policy statement" EventBridge adds to the bus's policy
describe('CloudFormation: AWS::Events::EventBusPolicy holds one statement', () => {
  it('is read as a resource policy of that statement, with an assumed Version (no "no Version" warning)', () => {
    const r = analyze('event-bus-policy.template.yaml')!;
    assert.deepEqual(r.policies.map((p) => [p.id, p.policyType]), [['Resources/OrgPutEvents/Properties/Statement', 'resource']]);
    assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.message}`), []);
    const vp = r.policies[0].virtual;
    assert.match(vp.text, /"Version": "2012-10-17",\s*"Statement": \[\s*\{\s*"Effect": "Allow"/);
    assert.match(vp.text, /"Resource": "arn:aws:events:us-east-1:123456789012:event-bus\//);
    assert.ok(vp.segments.some((s) => s.kind === 'assumed' && /Version/.test(s.note ?? '')));
  });

  it('a typo next to !GetAtt and !Ref in the statement is reported at the scalar written', () => {
    const text = read('event-bus-policy.template.yaml').replace('events:PutEvents', 'events:PutEvent');
    const d = analyze('event-bus-policy.template.yaml', text)!.diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['IAM202']);
    assert.equal(textAt(text, d[0].range), 'events:PutEvent');
  });
});

describe('SAM APIs: Auth.ResourcePolicy.CustomStatements', () => {
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-controlling-access-to-apis-resource-policies.html
  const text = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  MyPrivateApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: Prod
      EndpointConfiguration: PRIVATE
      Auth:
        ResourcePolicy:
          CustomStatements:
            - Effect: 'Allow'
              Action: 'execute-api:Invoke'
              Resource: ['execute-api:/*/*/*']
              Principal: '*'
            - Effect: 'Deny'
              Action: 'execute-api:Invoke'
              Resource: ['execute-api:/*/*/*']
              Principal: '*'
`;

  it('are a resource policy of the API; the execute-api:/ shorthand is the API ARN: no error, only the true public-principal warning', () => {
    const r = analyze('api.yaml', text)!;
    assert.deepEqual(r.policies.map((p) => [p.id, p.policyType]), [['Resources/MyPrivateApi/Properties/Auth/ResourcePolicy/CustomStatements', 'resource']]);
    assert.match(r.policies[0].virtual.text, /"arn:aws:execute-api:us-east-1:123456789012:MyPrivateApi\/\*\/\*\/\*"/);
    // the example allows "*" without a condition (a private API's endpoint policy usually narrows it): IAM805 is right
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 1 || d.severity === 2).map((d) => d.code), ['IAM805']);
  });

  it('a typo in a custom statement is reported at its scalar', () => {
    const bad = text.replace("Action: 'execute-api:Invoke'\n              Resource: ['execute-api:/*/*/*']\n              Principal: '*'\n            - Effect: 'Deny'", "Action: 'execute-api:Invok'\n              Resource: ['execute-api:/*/*/*']\n              Principal: '*'\n            - Effect: 'Deny'");
    const d = analyze('api.yaml', bad)!.diagnostics.find((x) => x.code === 'IAM202');
    assert.ok(d);
    assert.match(textAt(bad, d.range), /execute-api:Invok/);
  });
});
