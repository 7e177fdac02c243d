// Principals people commonly write: AWS service principals and web/SAML identity providers, as data for completion
// and hover. Not exhaustive: the IAM catalog has no principal list, so this is a curated set of well-known names.

export interface ServicePrincipal {
  /** e.g. lambda.amazonaws.com */
  name: string;
  /** what usually assumes a role or is granted access under this name */
  use: string;
}

/** Service principals that appear in trust policies and resource policies. */
export const SERVICE_PRINCIPALS: readonly ServicePrincipal[] = [
  { name: 'ec2.amazonaws.com', use: 'EC2 instances (through an instance profile)' },
  { name: 'lambda.amazonaws.com', use: 'Lambda function execution roles' },
  { name: 'ecs-tasks.amazonaws.com', use: 'ECS task roles and task execution roles' },
  { name: 'ecs.amazonaws.com', use: 'the ECS service itself' },
  { name: 'eks.amazonaws.com', use: 'EKS cluster roles' },
  { name: 'pods.eks.amazonaws.com', use: 'EKS Pod Identity' },
  { name: 'states.amazonaws.com', use: 'Step Functions state machines' },
  { name: 'events.amazonaws.com', use: 'EventBridge rules and targets' },
  { name: 'scheduler.amazonaws.com', use: 'EventBridge Scheduler' },
  { name: 'apigateway.amazonaws.com', use: 'API Gateway integrations and logging' },
  { name: 'sns.amazonaws.com', use: 'SNS deliveries (e.g. to SQS or Lambda)' },
  { name: 'sqs.amazonaws.com', use: 'SQS' },
  { name: 's3.amazonaws.com', use: 'S3 notifications, replication and inventory' },
  { name: 'cloudfront.amazonaws.com', use: 'CloudFront origin access control reading S3' },
  { name: 'cloudtrail.amazonaws.com', use: 'CloudTrail writing logs to S3 or CloudWatch Logs' },
  { name: 'config.amazonaws.com', use: 'AWS Config recorders and delivery' },
  { name: 'logs.amazonaws.com', use: 'CloudWatch Logs (subscriptions, KMS encryption)' },
  { name: 'delivery.logs.amazonaws.com', use: 'vended log delivery (VPC flow logs, ...)' },
  { name: 'monitoring.amazonaws.com', use: 'CloudWatch alarms' },
  { name: 'firehose.amazonaws.com', use: 'Kinesis Data Firehose delivery streams' },
  { name: 'kinesis.amazonaws.com', use: 'Kinesis Data Streams' },
  { name: 'glue.amazonaws.com', use: 'Glue jobs and crawlers' },
  { name: 'sagemaker.amazonaws.com', use: 'SageMaker notebooks, training and endpoints' },
  { name: 'bedrock.amazonaws.com', use: 'Amazon Bedrock (agents, model customization)' },
  { name: 'elasticmapreduce.amazonaws.com', use: 'EMR service role' },
  { name: 'batch.amazonaws.com', use: 'AWS Batch' },
  { name: 'codebuild.amazonaws.com', use: 'CodeBuild projects' },
  { name: 'codepipeline.amazonaws.com', use: 'CodePipeline pipelines' },
  { name: 'codedeploy.amazonaws.com', use: 'CodeDeploy deployments' },
  { name: 'cloudformation.amazonaws.com', use: 'CloudFormation service roles' },
  { name: 'ssm.amazonaws.com', use: 'Systems Manager' },
  { name: 'secretsmanager.amazonaws.com', use: 'Secrets Manager rotation' },
  { name: 'backup.amazonaws.com', use: 'AWS Backup' },
  { name: 'rds.amazonaws.com', use: 'RDS (enhanced monitoring uses monitoring.rds.amazonaws.com)' },
  { name: 'monitoring.rds.amazonaws.com', use: 'RDS enhanced monitoring' },
  { name: 'redshift.amazonaws.com', use: 'Redshift clusters' },
  { name: 'dms.amazonaws.com', use: 'Database Migration Service' },
  { name: 'datasync.amazonaws.com', use: 'DataSync' },
  { name: 'transfer.amazonaws.com', use: 'Transfer Family servers' },
  { name: 'appsync.amazonaws.com', use: 'AppSync data sources' },
  { name: 'iot.amazonaws.com', use: 'IoT rules actions' },
  { name: 'ses.amazonaws.com', use: 'SES receipt rules' },
  { name: 'autoscaling.amazonaws.com', use: 'EC2 Auto Scaling' },
  { name: 'application-autoscaling.amazonaws.com', use: 'Application Auto Scaling' },
  { name: 'elasticloadbalancing.amazonaws.com', use: 'Elastic Load Balancing' },
  { name: 'logdelivery.elasticloadbalancing.amazonaws.com', use: 'ELB access logs to S3' },
  { name: 'edgelambda.amazonaws.com', use: 'Lambda@Edge functions (together with lambda.amazonaws.com)' },
  { name: 'guardduty.amazonaws.com', use: 'GuardDuty' },
  { name: 'access-analyzer.amazonaws.com', use: 'IAM Access Analyzer' },
  { name: 'organizations.amazonaws.com', use: 'AWS Organizations' },
  { name: 'rolesanywhere.amazonaws.com', use: 'IAM Roles Anywhere (workloads outside AWS with X.509 certificates)' },
];

export type FederationKind = 'oidc' | 'saml' | 'web-identity' | 'cognito';

export interface IdentityProvider {
  /** the text to put in "Federated" (for ARNs, a snippet with placeholders) */
  value: string;
  /** plain value without snippet syntax, for display */
  label: string;
  kind: FederationKind;
  /** the sts action the provider's users call to assume the role */
  assumeAction: string;
  description: string;
  /** OIDC: the host whose claims become condition keys (`<host>:aud`, `<host>:sub`) */
  claimPrefix?: string;
}

export const IDENTITY_PROVIDERS: readonly IdentityProvider[] = [
  {
    value: 'arn:aws:iam::${1:111122223333}:oidc-provider/token.actions.githubusercontent.com',
    label: 'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com',
    kind: 'oidc', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'token.actions.githubusercontent.com',
    description: 'GitHub Actions OIDC provider registered in your account. Pin `token.actions.githubusercontent.com:sub` to your repository (and branch or environment) and `:aud` to sts.amazonaws.com.',
  },
  {
    value: 'arn:aws:iam::${1:111122223333}:oidc-provider/${2:oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE}',
    label: 'arn:aws:iam::<account>:oidc-provider/<issuer>',
    kind: 'oidc', assumeAction: 'sts:AssumeRoleWithWebIdentity',
    description: 'An OIDC identity provider registered in your account (EKS service accounts, GitLab, Terraform Cloud, ...). Restrict `<issuer>:sub` and `<issuer>:aud`.',
  },
  {
    value: 'arn:aws:iam::${1:111122223333}:saml-provider/${2:ProviderName}',
    label: 'arn:aws:iam::<account>:saml-provider/<name>',
    kind: 'saml', assumeAction: 'sts:AssumeRoleWithSAML',
    description: 'A SAML 2.0 identity provider registered in your account (Okta, Entra ID, AD FS, ...). Usually paired with a `SAML:aud` condition.',
  },
  {
    value: 'cognito-identity.amazonaws.com', label: 'cognito-identity.amazonaws.com', kind: 'cognito', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'cognito-identity.amazonaws.com',
    description: 'Amazon Cognito identity pools. Restrict `cognito-identity.amazonaws.com:aud` to your identity pool ID and `:amr` to authenticated or unauthenticated.',
  },
  {
    value: 'accounts.google.com', label: 'accounts.google.com', kind: 'web-identity', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'accounts.google.com',
    description: 'Sign-in with Google. Restrict `accounts.google.com:aud` to your OAuth client ID.',
  },
  {
    value: 'graph.facebook.com', label: 'graph.facebook.com', kind: 'web-identity', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'graph.facebook.com',
    description: 'Login with Facebook. Restrict `graph.facebook.com:app_id` to your app.',
  },
  {
    value: 'www.amazon.com', label: 'www.amazon.com', kind: 'web-identity', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'www.amazon.com',
    description: 'Login with Amazon. Restrict `www.amazon.com:app_id` to your application.',
  },
];

/** The kinds of principal an `AWS` principal string can name. */
export type AwsPrincipalKind = 'account' | 'root' | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'wildcard' | 'unknown';

/** Classifies an `AWS` principal value (an account ID or an IAM/STS ARN). */
export function classifyAwsPrincipal(value: string): { kind: AwsPrincipalKind; account?: string; name?: string } {
  if (value === '*') return { kind: 'wildcard' };
  if (/^\d{12}$/.test(value)) return { kind: 'account', account: value };
  const m = /^arn:[a-z-]+:(iam|sts)::(\d{12}|[^:]*):(.*)$/.exec(value);
  if (!m) return { kind: 'unknown' };
  const [, svc, account, rest] = m;
  if (svc === 'iam' && rest === 'root') return { kind: 'root', account };
  if (svc === 'iam' && rest.startsWith('user/')) return { kind: 'user', account, name: rest.slice(rest.lastIndexOf('/') + 1) };
  if (svc === 'iam' && rest.startsWith('role/')) return { kind: 'role', account, name: rest.slice(rest.lastIndexOf('/') + 1) };
  if (svc === 'sts' && rest.startsWith('assumed-role/')) return { kind: 'assumed-role', account, name: rest.split('/')[1] };
  if (svc === 'sts' && rest.startsWith('federated-user/')) return { kind: 'federated-user', account, name: rest.slice('federated-user/'.length) };
  return { kind: 'unknown', account };
}

/** The values aws:PrincipalType takes, with what each means. */
export const PRINCIPAL_TYPE_VALUES: readonly { value: string; meaning: string }[] = [
  { value: 'Account', meaning: 'the account root user' },
  { value: 'User', meaning: 'an IAM user' },
  { value: 'FederatedUser', meaning: 'a federated user from GetFederationToken' },
  { value: 'AssumedRole', meaning: 'a role session (AssumeRole*, including federated sign-in and services using roles)' },
  { value: 'Anonymous', meaning: 'an unauthenticated request' },
];
