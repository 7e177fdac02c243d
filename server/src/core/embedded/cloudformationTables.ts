// Data tables for CloudFormation and SAM templates: which properties of which resource types hold a policy document
// and of which type, and the shapes of `Ref`/`Fn::GetAtt` values of common resource types (so a placeholder can be
// an ARN of the right service and action-versus-resource checks still run).
// Sources: the CloudFormation resource reference (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/
// aws-template-resource-type-ref.html), each type's "Return values" section, and the SAM specification.
import type { PolicyType } from '../policy/policyType';

/**
 * A property path inside `Properties`: `*` steps over every item of a list. `type` may depend on a sibling
 * property (Organizations policies: `Type`), given as a map from that property's value to the policy type.
 */
export interface PolicyProperty {
  path: readonly string[];
  type: PolicyType | { by: string; values: Record<string, PolicyType> };
  /** only maps with a `Statement` are policies here (SAM `Policies` also holds managed-policy names and templates) */
  documentsOnly?: boolean;
  /** the property is one statement (a map) or a list of them, which the service writes into the resource's policy */
  statement?: boolean;
  /** SAM's `execute-api:/stage/verb/path` shorthand for the API's own ARN is used in Resource */
  executeApiShorthand?: boolean;
}

export const CFN_POLICY_PROPERTIES: Record<string, readonly PolicyProperty[]> = {
  'AWS::IAM::Role': [{ path: ['AssumeRolePolicyDocument'], type: 'trust' }, { path: ['Policies', '*', 'PolicyDocument'], type: 'identity' }],
  'AWS::IAM::User': [{ path: ['Policies', '*', 'PolicyDocument'], type: 'identity' }],
  'AWS::IAM::Group': [{ path: ['Policies', '*', 'PolicyDocument'], type: 'identity' }],
  'AWS::IAM::Policy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::RolePolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::UserPolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::IAM::GroupPolicy': [{ path: ['PolicyDocument'], type: 'identity' }],
  'AWS::S3::BucketPolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::S3::AccessPoint': [{ path: ['Policy'], type: 'resource' }],
  'AWS::SQS::QueuePolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::SNS::TopicPolicy': [{ path: ['PolicyDocument'], type: 'resource' }],
  'AWS::KMS::Key': [{ path: ['KeyPolicy'], type: 'resource' }],
  'AWS::KMS::ReplicaKey': [{ path: ['KeyPolicy'], type: 'resource' }],
  'AWS::SecretsManager::ResourcePolicy': [{ path: ['ResourcePolicy'], type: 'resource' }],
  'AWS::ECR::Repository': [{ path: ['RepositoryPolicyText'], type: 'resource' }],
  'AWS::EFS::FileSystem': [{ path: ['FileSystemPolicy'], type: 'resource' }],
  'AWS::Backup::BackupVault': [{ path: ['AccessPolicy'], type: 'resource' }],
  'AWS::OpenSearchService::Domain': [{ path: ['AccessPolicies'], type: 'resource' }],
  'AWS::Elasticsearch::Domain': [{ path: ['AccessPolicies'], type: 'resource' }],
  'AWS::CodeArtifact::Domain': [{ path: ['PermissionsPolicyDocument'], type: 'resource' }],
  'AWS::CodeArtifact::Repository': [{ path: ['PermissionsPolicyDocument'], type: 'resource' }],
  'AWS::Events::EventBus': [{ path: ['Policy'], type: 'resource' }],
  // "Statement: a JSON string that describes the permission policy statement" (aws-resource-events-eventbuspolicy.html)
  'AWS::Events::EventBusPolicy': [{ path: ['Statement'], type: 'resource', statement: true }],
  // SAM ApiAuth: "CustomStatements: List" of statements, Resource written as `execute-api:/*/*/*`, which SAM expands
  // to the API's ARN (serverless-controlling-access-to-apis-resource-policies.html, sam-property-api-resourcepolicystatement.html)
  'AWS::Serverless::Api': [{ path: ['Auth', 'ResourcePolicy', 'CustomStatements'], type: 'resource', statement: true, executeApiShorthand: true }],
  'AWS::DynamoDB::Table': [{ path: ['ResourcePolicy', 'PolicyDocument'], type: 'resource' }],
  'AWS::EC2::VPCEndpoint': [{ path: ['PolicyDocument'], type: 'endpoint' }],
  'AWS::Organizations::Policy': [{
    path: ['Content'],
    type: { by: 'Type', values: { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' } },
  }],
  // SAM: `Policies` holds inline documents among managed-policy names and SAM policy templates
  'AWS::Serverless::Function': [{ path: ['Policies', '*'], type: 'identity', documentsOnly: true }, { path: ['Policies'], type: 'identity', documentsOnly: true }],
  'AWS::Serverless::StateMachine': [{ path: ['Policies', '*'], type: 'identity', documentsOnly: true }, { path: ['Policies'], type: 'identity', documentsOnly: true }],
};

/**
 * `Ref` and `Fn::GetAtt` shapes: `{name}` stands for the resource's (unknown) physical name, `{partition}`,
 * `{region}` and `{account}` for the pseudo parameters. Types not listed give an unknown placeholder.
 */
export const CFN_VALUE_SHAPES: Record<string, { ref?: string; attrs?: Record<string, string> }> = {
  'AWS::S3::Bucket': { ref: '{name}', attrs: { Arn: 'arn:{partition}:s3:::{name}' } },
  'AWS::SQS::Queue': { attrs: { Arn: 'arn:{partition}:sqs:{region}:{account}:{name}', QueueName: '{name}' } },
  'AWS::SNS::Topic': { ref: 'arn:{partition}:sns:{region}:{account}:{name}', attrs: { TopicArn: 'arn:{partition}:sns:{region}:{account}:{name}', TopicName: '{name}' } },
  'AWS::IAM::Role': { ref: '{name}', attrs: { Arn: 'arn:{partition}:iam::{account}:role/{name}', RoleId: '{name}' } },
  'AWS::IAM::User': { ref: '{name}', attrs: { Arn: 'arn:{partition}:iam::{account}:user/{name}' } },
  'AWS::IAM::Group': { ref: '{name}', attrs: { Arn: 'arn:{partition}:iam::{account}:group/{name}' } },
  'AWS::IAM::ManagedPolicy': { ref: 'arn:{partition}:iam::{account}:policy/{name}', attrs: { PolicyArn: 'arn:{partition}:iam::{account}:policy/{name}' } },
  'AWS::IAM::InstanceProfile': { ref: '{name}', attrs: { Arn: 'arn:{partition}:iam::{account}:instance-profile/{name}' } },
  'AWS::Lambda::Function': { ref: '{name}', attrs: { Arn: 'arn:{partition}:lambda:{region}:{account}:function:{name}' } },
  'AWS::Serverless::Function': { ref: '{name}', attrs: { Arn: 'arn:{partition}:lambda:{region}:{account}:function:{name}' } },
  'AWS::DynamoDB::Table': { ref: '{name}', attrs: { Arn: 'arn:{partition}:dynamodb:{region}:{account}:table/{name}', StreamArn: 'arn:{partition}:dynamodb:{region}:{account}:table/{name}/stream/{name}' } },
  'AWS::Serverless::SimpleTable': { ref: '{name}' },
  'AWS::KMS::Key': { ref: '{name}', attrs: { Arn: 'arn:{partition}:kms:{region}:{account}:key/{name}', KeyId: '{name}' } },
  'AWS::KMS::Alias': { ref: 'alias/{name}' },
  'AWS::SecretsManager::Secret': { ref: 'arn:{partition}:secretsmanager:{region}:{account}:secret:{name}', attrs: { Id: 'arn:{partition}:secretsmanager:{region}:{account}:secret:{name}' } },
  'AWS::Logs::LogGroup': { ref: '{name}', attrs: { Arn: 'arn:{partition}:logs:{region}:{account}:log-group:{name}:*' } },
  'AWS::Kinesis::Stream': { ref: '{name}', attrs: { Arn: 'arn:{partition}:kinesis:{region}:{account}:stream/{name}' } },
  'AWS::StepFunctions::StateMachine': { ref: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}', attrs: { Arn: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}', Name: '{name}' } },
  'AWS::Serverless::StateMachine': { ref: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}', attrs: { Arn: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}', Name: '{name}' } },
  'AWS::ECR::Repository': { ref: '{name}', attrs: { Arn: 'arn:{partition}:ecr:{region}:{account}:repository/{name}' } },
  'AWS::Events::EventBus': { ref: '{name}', attrs: { Arn: 'arn:{partition}:events:{region}:{account}:event-bus/{name}', Name: '{name}' } },
  'AWS::Events::Rule': { ref: '{name}', attrs: { Arn: 'arn:{partition}:events:{region}:{account}:rule/{name}' } },
  'AWS::SSM::Parameter': { ref: '{name}' },
  'AWS::EFS::FileSystem': { ref: '{name}', attrs: { Arn: 'arn:{partition}:elasticfilesystem:{region}:{account}:file-system/{name}', FileSystemId: '{name}' } },
};

/** Defaults for pseudo parameters (configurable); `AWS::NoValue` removes a value and is handled apart. */
export const PSEUDO_PARAMETER_DEFAULTS: Record<string, string | undefined> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': undefined,
  'AWS::StackId': undefined,
  'AWS::NotificationARNs': undefined,
};
