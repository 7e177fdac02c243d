// Generated infrastructure templates of ordinary size for the template benchmarks (issue 18): CloudFormation YAML
// with short-form intrinsics, CDK-style JSON with long-form intrinsics, and Terraform with jsonencode, a heredoc and
// an aws_iam_policy_document data source. Each holds five policies in six to nine resources (2.5–4 KB,
// an ordinary application stack) and varies names and actions with its index so no two are the same text.

export interface GeneratedTemplate {
  name: string;
  languageId: 'yaml' | 'json' | 'terraform';
  text: string;
  /** the policies the template holds (what extraction must find) */
  policies: number;
}

const ACTIONS = [
  ['s3:GetObject', 's3:PutObject'],
  ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
  ['logs:CreateLogStream', 'logs:PutLogEvents'],
  ['kms:Decrypt', 'kms:GenerateDataKey'],
];

/** a resource of the service of ACTIONS[i % 5], as CloudFormation computes it */
function cfnResource(i: number): string {
  return [
    `!Sub "arn:\${AWS::Partition}:s3:::\${Bucket${i}}/\${Env}/*"`,
    `!GetAtt Queue${i}.Arn`,
    `!GetAtt Table${i}.Arn`,
    `!Sub "arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/app/${i}:*"`,
    `!GetAtt Key${i}.Arn`,
  ][i % ACTIONS.length];
}

function cfnYaml(i: number): string {
  const a = ACTIONS[i % ACTIONS.length];
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: Generated stack ${i} for the template benchmark
Parameters:
  Env:
    Type: String
    Default: prod
  Prefix:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket${i}:
    Type: AWS::S3::Bucket
  Queue${i}:
    Type: AWS::SQS::Queue
  Table${i}:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
  Key${i}:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: Root
            Effect: Allow
            Principal:
              AWS: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root"
            Action: kms:*
            Resource: "*"
  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: [lambda.amazonaws.com]
            Action: sts:AssumeRole
      Policies:
        - PolicyName: app-${i}
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Sid: Main
                Effect: Allow
                Action: [${a.join(', ')}]
                Resource: ${cfnResource(i)}
              - Sid: Logs
                Effect: Allow
                Action: [logs:CreateLogStream, logs:PutLogEvents]
                Resource: !Sub "arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/\${Prefix}-${i}:*"
              - Fn::If:
                  - IsProd
                  - Sid: Decrypt
                    Effect: Allow
                    Action: kms:Decrypt
                    Resource: !GetAtt Key${i}.Arn
                  - !Ref AWS::NoValue
  Policy${i}:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [dynamodb:Query, dynamodb:GetItem]
            Resource: !Join ["", [!GetAtt Table${i}.Arn, "/index/*"]]
            Condition:
              StringEquals:
                aws:RequestedRegion: !Ref AWS::Region
  BucketPolicy${i}:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket${i}
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: TlsOnly
            Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource:
              - !GetAtt Bucket${i}.Arn
              - !Sub "\${Bucket${i}.Arn}/*"
            Condition:
              Bool:
                aws:SecureTransport: "false"
Outputs:
  RoleArn:
    Value: !GetAtt Role${i}.Arn
`;
}

function cdkResource(i: number): unknown {
  const arn = (service: string, rest: unknown[]) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ...rest]] });
  return [
    { 'Fn::Join': ['', [{ 'Fn::GetAtt': [`Bucket${i - 2}`, 'Arn'] }, '/*']] },
    { 'Fn::GetAtt': [`Queue${i - 2}`, 'Arn'] },
    arn('dynamodb', [`:table/t${i}`]),
    arn('logs', [`:log-group:/app/${i}:*`]),
    arn('kms', [':key/*']),
  ][i % ACTIONS.length];
}

function cdkJson(i: number): string {
  const a = ACTIONS[(i + 2) % ACTIONS.length];
  const template = {
    Resources: {
      [`Queue${i}`]: { Type: 'AWS::SQS::Queue' },
      [`Topic${i}`]: { Type: 'AWS::SNS::Topic' },
      [`FnServiceRole${i}`]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] },
          ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] }],
        },
      },
      [`FnServiceRoleDefaultPolicy${i}`]: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: `FnServiceRoleDefaultPolicy${i}`,
          Roles: [{ Ref: `FnServiceRole${i}` }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Action: a, Effect: 'Allow', Resource: cdkResource(i + 2) },
              { Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: `Topic${i}` } },
              { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
            ],
          },
        },
      },
      [`QueuePolicy${i}`]: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [{ Ref: `Queue${i}` }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{
              Action: 'sqs:SendMessage', Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' },
              Resource: { 'Fn::GetAtt': [`Queue${i}`, 'Arn'] },
              Condition: { ArnEquals: { 'aws:SourceArn': { Ref: `Topic${i}` } } },
            }],
          },
        },
      },
      [`TopicPolicy${i}`]: {
        Type: 'AWS::SNS::TopicPolicy',
        Properties: {
          Topics: [{ Ref: `Topic${i}` }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{
              Sid: 'OwnerPublish', Action: 'sns:Publish', Effect: 'Allow',
              Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } },
              Resource: { Ref: `Topic${i}` },
            }],
          },
        },
      },
      [`Bucket${i}`]: { Type: 'AWS::S3::Bucket' },
      [`BucketPolicy${i}`]: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: `Bucket${i}` },
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{
              Action: 's3:*', Effect: 'Deny', Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: [{ 'Fn::GetAtt': [`Bucket${i}`, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [`Bucket${i}`, 'Arn'] }, '/*']] }],
            }],
          },
        },
      },
    },
  };
  return JSON.stringify(template, null, 1) + '\n';
}

function tfResource(i: number): string {
  const arn = '"arn:${data.aws_partition.current.partition}:SERVICE:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}';
  return [
    `"\${aws_s3_bucket.reports_${i - 1}.arn}/\${var.env}/*"`,
    `aws_sqs_queue.jobs_${i - 1}.arn`,
    `${arn.replace('SERVICE', 'dynamodb')}:table/t${i}"`,
    `${arn.replace('SERVICE', 'logs')}:log-group:/app/${i}:*"`,
    `${arn.replace('SERVICE', 'kms')}:key/*"`,
  ][i % ACTIONS.length];
}

function terraform(i: number): string {
  const a = ACTIONS[(i + 1) % ACTIONS.length];
  return `variable "env" {
  type    = string
  default = "prod"
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

resource "aws_sqs_queue" "jobs_${i}" {
  name = "jobs-${i}-\${var.env}"
}

resource "aws_s3_bucket" "reports_${i}" {
  bucket = "reports-${i}"
}

data "aws_iam_policy_document" "assume_${i}" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "worker_${i}" {
  name               = "worker-${i}"
  assume_role_policy = data.aws_iam_policy_document.assume_${i}.json
}

resource "aws_iam_role_policy" "worker_${i}" {
  role = aws_iam_role.worker_${i}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Main"
        Effect   = "Allow"
        Action   = [${a.map((x) => `"${x}"`).join(', ')}]
        Resource = ${tfResource(i + 1)}
      },
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:\${data.aws_partition.current.partition}:logs:\${data.aws_region.current.name}:\${data.aws_caller_identity.current.account_id}:log-group:/aws/lambda/worker-${i}:*"
      },
    ]
  })
}

resource "aws_iam_policy" "read_${i}" {
  name   = "read-${i}"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["\${aws_s3_bucket.reports_${i}.arn}", "\${aws_s3_bucket.reports_${i}.arn}/*"]
    }
  ]
}
EOF
}

data "aws_iam_policy_document" "bucket_${i}" {
  statement {
    sid     = "TlsOnly"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.reports_${i}.arn,
      "\${aws_s3_bucket.reports_${i}.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "reports_${i}" {
  bucket = aws_s3_bucket.reports_${i}.id
  policy = data.aws_iam_policy_document.bucket_${i}.json
}

resource "aws_sqs_queue_policy" "jobs_${i}" {
  queue_url = aws_sqs_queue.jobs_${i}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.jobs_${i}.arn
    }]
  })
}
`;
}

/** The i-th generated template: CloudFormation YAML, CDK JSON and Terraform in turn. */
export function generatedTemplate(i: number): GeneratedTemplate {
  switch (i % 3) {
    case 0: return { name: `stack-${i}.template.yaml`, languageId: 'yaml', text: cfnYaml(i), policies: 5 };
    case 1: return { name: `Stack${i}.template.json`, languageId: 'json', text: cdkJson(i), policies: 5 };
    default: return { name: `worker-${i}.tf`, languageId: 'terraform', text: terraform(i), policies: 5 };
  }
}

/** A larger CDK-style stack: the resources of `stacks` generated CDK templates in one (about 30 KB, 40 policies). */
export function largeCdkTemplate(stacks = 8): GeneratedTemplate {
  const resources: Record<string, unknown> = {};
  for (let k = 0; k < stacks; k++) Object.assign(resources, (JSON.parse(cdkJson(3 * k + 1)) as { Resources: Record<string, unknown> }).Resources);
  return { name: `Large${stacks}.template.json`, languageId: 'json', text: JSON.stringify({ Resources: resources }, null, 1) + '\n', policies: 5 * stacks };
}

