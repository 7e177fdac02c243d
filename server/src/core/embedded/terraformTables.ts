// Data tables for Terraform (the AWS provider): which resource attributes hold a policy and of which type, and the
// shapes of common resource attributes (so `aws_sqs_queue.q.arn` becomes an SQS queue ARN placeholder).
// Source: the AWS provider's resource documentation (registry.terraform.io/providers/hashicorp/aws/latest/docs).
import type { PolicyType } from '../policy/policyType';

export interface TerraformPolicyAttribute {
  /** attribute name, or `block.attribute` for a nested block (`inline_policy.policy`) */
  path: string;
  type: PolicyType | { by: string; values: Record<string, PolicyType> };
}

export const TF_POLICY_ATTRIBUTES: Record<string, readonly TerraformPolicyAttribute[]> = {
  aws_iam_role: [{ path: 'assume_role_policy', type: 'trust' }, { path: 'inline_policy.policy', type: 'identity' }],
  aws_iam_policy: [{ path: 'policy', type: 'identity' }],
  aws_iam_role_policy: [{ path: 'policy', type: 'identity' }],
  aws_iam_user_policy: [{ path: 'policy', type: 'identity' }],
  aws_iam_group_policy: [{ path: 'policy', type: 'identity' }],
  aws_s3_bucket_policy: [{ path: 'policy', type: 'resource' }],
  aws_s3_access_point: [{ path: 'policy', type: 'resource' }],
  aws_sqs_queue_policy: [{ path: 'policy', type: 'resource' }],
  aws_sqs_queue: [{ path: 'policy', type: 'resource' }],
  aws_sns_topic_policy: [{ path: 'policy', type: 'resource' }],
  aws_sns_topic: [{ path: 'policy', type: 'resource' }],
  aws_kms_key: [{ path: 'policy', type: 'resource' }],
  aws_kms_key_policy: [{ path: 'policy', type: 'resource' }],
  aws_secretsmanager_secret_policy: [{ path: 'policy', type: 'resource' }],
  aws_ecr_repository_policy: [{ path: 'policy', type: 'resource' }],
  aws_cloudwatch_log_resource_policy: [{ path: 'policy_document', type: 'resource' }],
  aws_opensearch_domain_policy: [{ path: 'access_policies', type: 'resource' }],
  aws_glacier_vault: [{ path: 'access_policy', type: 'resource' }],
  aws_efs_file_system_policy: [{ path: 'policy', type: 'resource' }],
  aws_backup_vault_policy: [{ path: 'policy', type: 'resource' }],
  aws_vpc_endpoint: [{ path: 'policy', type: 'endpoint' }],
  aws_vpc_endpoint_policy: [{ path: 'policy', type: 'endpoint' }],
  aws_organizations_policy: [{ path: 'content', type: { by: 'type', values: { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' } } }],
};

/** Attribute shapes; `{name}` is the resource's `name`/`bucket` when written literally, else its address label. */
export const TF_VALUE_SHAPES: Record<string, Record<string, string>> = {
  aws_s3_bucket: { arn: 'arn:{partition}:s3:::{name}', id: '{name}', bucket: '{name}' },
  aws_sqs_queue: { arn: 'arn:{partition}:sqs:{region}:{account}:{name}', name: '{name}' },
  aws_sns_topic: { arn: 'arn:{partition}:sns:{region}:{account}:{name}', id: 'arn:{partition}:sns:{region}:{account}:{name}', name: '{name}' },
  aws_iam_role: { arn: 'arn:{partition}:iam::{account}:role/{name}', name: '{name}', id: '{name}' },
  aws_iam_user: { arn: 'arn:{partition}:iam::{account}:user/{name}', name: '{name}' },
  aws_iam_group: { arn: 'arn:{partition}:iam::{account}:group/{name}', name: '{name}' },
  aws_iam_policy: { arn: 'arn:{partition}:iam::{account}:policy/{name}', id: 'arn:{partition}:iam::{account}:policy/{name}' },
  aws_lambda_function: { arn: 'arn:{partition}:lambda:{region}:{account}:function:{name}', function_name: '{name}' },
  aws_dynamodb_table: { arn: 'arn:{partition}:dynamodb:{region}:{account}:table/{name}', name: '{name}', stream_arn: 'arn:{partition}:dynamodb:{region}:{account}:table/{name}/stream/{name}' },
  aws_kms_key: { arn: 'arn:{partition}:kms:{region}:{account}:key/{name}', key_id: '{name}', id: '{name}' },
  aws_secretsmanager_secret: { arn: 'arn:{partition}:secretsmanager:{region}:{account}:secret:{name}', id: 'arn:{partition}:secretsmanager:{region}:{account}:secret:{name}' },
  aws_cloudwatch_log_group: { arn: 'arn:{partition}:logs:{region}:{account}:log-group:{name}', name: '{name}' },
  aws_kinesis_stream: { arn: 'arn:{partition}:kinesis:{region}:{account}:stream/{name}', name: '{name}' },
  aws_ecr_repository: { arn: 'arn:{partition}:ecr:{region}:{account}:repository/{name}', name: '{name}' },
  aws_sfn_state_machine: { arn: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}', id: 'arn:{partition}:states:{region}:{account}:stateMachine:{name}' },
  aws_cloudwatch_event_bus: { arn: 'arn:{partition}:events:{region}:{account}:event-bus/{name}', name: '{name}' },
  aws_ssm_parameter: { arn: 'arn:{partition}:ssm:{region}:{account}:parameter/{name}', name: '{name}' },
};

/** Data sources whose attributes are the pseudo-parameter-like facts of the account the plan runs in. */
export const TF_CONTEXT_DATA: Record<string, Record<string, 'AWS::AccountId' | 'AWS::Partition' | 'AWS::Region' | 'AWS::URLSuffix'>> = {
  aws_caller_identity: { account_id: 'AWS::AccountId' },
  aws_partition: { partition: 'AWS::Partition', dns_suffix: 'AWS::URLSuffix' },
  aws_region: { name: 'AWS::Region', region: 'AWS::Region', id: 'AWS::Region' },
};
