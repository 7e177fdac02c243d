// Principals people commonly write: AWS service principals and web/SAML identity providers, as data for completion
// and hover. Not exhaustive: the IAM catalog has no principal list, so this is a curated set of well-known names.
// The texts are getters, so they are read in the language installed when they are shown.
import * as l10n from './localize';

export interface ServicePrincipal {
  /** e.g. lambda.amazonaws.com */
  name: string;
  /** what usually assumes a role or is granted access under this name */
  use: string;
}

/** Service principals that appear in trust policies and resource policies. */
export const SERVICE_PRINCIPALS: readonly ServicePrincipal[] = [
  { name: 'ec2.amazonaws.com', get use() { return l10n.t('EC2 instances (through an instance profile)'); } },
  { name: 'lambda.amazonaws.com', get use() { return l10n.t('Lambda function execution roles'); } },
  { name: 'ecs-tasks.amazonaws.com', get use() { return l10n.t('ECS task roles and task execution roles'); } },
  { name: 'ecs.amazonaws.com', get use() { return l10n.t('the ECS service itself'); } },
  { name: 'eks.amazonaws.com', get use() { return l10n.t('EKS cluster roles'); } },
  { name: 'pods.eks.amazonaws.com', use: 'EKS Pod Identity' },
  { name: 'states.amazonaws.com', get use() { return l10n.t('Step Functions state machines'); } },
  { name: 'events.amazonaws.com', get use() { return l10n.t('EventBridge rules and targets'); } },
  { name: 'scheduler.amazonaws.com', use: 'EventBridge Scheduler' },
  { name: 'apigateway.amazonaws.com', get use() { return l10n.t('API Gateway integrations and logging'); } },
  { name: 'sns.amazonaws.com', get use() { return l10n.t('SNS deliveries (e.g. to SQS or Lambda)'); } },
  { name: 'sqs.amazonaws.com', use: 'SQS' },
  { name: 's3.amazonaws.com', get use() { return l10n.t('S3 notifications, replication and inventory'); } },
  { name: 'cloudfront.amazonaws.com', get use() { return l10n.t('CloudFront origin access control reading S3'); } },
  { name: 'cloudtrail.amazonaws.com', get use() { return l10n.t('CloudTrail writing logs to S3 or CloudWatch Logs'); } },
  { name: 'config.amazonaws.com', get use() { return l10n.t('AWS Config recorders and delivery'); } },
  { name: 'logs.amazonaws.com', get use() { return l10n.t('CloudWatch Logs (subscriptions, KMS encryption)'); } },
  { name: 'delivery.logs.amazonaws.com', get use() { return l10n.t('vended log delivery (VPC flow logs, ...)'); } },
  { name: 'monitoring.amazonaws.com', get use() { return l10n.t('CloudWatch alarms'); } },
  { name: 'firehose.amazonaws.com', get use() { return l10n.t('Kinesis Data Firehose delivery streams'); } },
  { name: 'kinesis.amazonaws.com', use: 'Kinesis Data Streams' },
  { name: 'glue.amazonaws.com', get use() { return l10n.t('Glue jobs and crawlers'); } },
  { name: 'sagemaker.amazonaws.com', get use() { return l10n.t('SageMaker notebooks, training and endpoints'); } },
  { name: 'bedrock.amazonaws.com', get use() { return l10n.t('Amazon Bedrock (agents, model customization)'); } },
  { name: 'elasticmapreduce.amazonaws.com', get use() { return l10n.t('EMR service role'); } },
  { name: 'batch.amazonaws.com', use: 'AWS Batch' },
  { name: 'codebuild.amazonaws.com', get use() { return l10n.t('CodeBuild projects'); } },
  { name: 'codepipeline.amazonaws.com', get use() { return l10n.t('CodePipeline pipelines'); } },
  { name: 'codedeploy.amazonaws.com', get use() { return l10n.t('CodeDeploy deployments'); } },
  { name: 'cloudformation.amazonaws.com', get use() { return l10n.t('CloudFormation service roles'); } },
  { name: 'ssm.amazonaws.com', use: 'Systems Manager' },
  { name: 'secretsmanager.amazonaws.com', get use() { return l10n.t('Secrets Manager rotation'); } },
  { name: 'backup.amazonaws.com', use: 'AWS Backup' },
  { name: 'rds.amazonaws.com', get use() { return l10n.t('RDS (enhanced monitoring uses monitoring.rds.amazonaws.com)'); } },
  { name: 'monitoring.rds.amazonaws.com', get use() { return l10n.t('RDS enhanced monitoring'); } },
  { name: 'redshift.amazonaws.com', get use() { return l10n.t('Redshift clusters'); } },
  { name: 'dms.amazonaws.com', use: 'Database Migration Service' },
  { name: 'datasync.amazonaws.com', use: 'DataSync' },
  { name: 'transfer.amazonaws.com', get use() { return l10n.t('Transfer Family servers'); } },
  { name: 'appsync.amazonaws.com', get use() { return l10n.t('AppSync data sources'); } },
  { name: 'iot.amazonaws.com', get use() { return l10n.t('IoT rules actions'); } },
  { name: 'ses.amazonaws.com', get use() { return l10n.t('SES receipt rules'); } },
  { name: 'autoscaling.amazonaws.com', use: 'EC2 Auto Scaling' },
  { name: 'application-autoscaling.amazonaws.com', use: 'Application Auto Scaling' },
  { name: 'elasticloadbalancing.amazonaws.com', use: 'Elastic Load Balancing' },
  { name: 'logdelivery.elasticloadbalancing.amazonaws.com', get use() { return l10n.t('ELB access logs to S3'); } },
  { name: 'edgelambda.amazonaws.com', get use() { return l10n.t('Lambda@Edge functions (together with lambda.amazonaws.com)'); } },
  { name: 'guardduty.amazonaws.com', use: 'GuardDuty' },
  { name: 'access-analyzer.amazonaws.com', use: 'IAM Access Analyzer' },
  { name: 'organizations.amazonaws.com', use: 'AWS Organizations' },
  { name: 'rolesanywhere.amazonaws.com', get use() { return l10n.t('IAM Roles Anywhere (workloads outside AWS with X.509 certificates)'); } },
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
    get description() { return l10n.t('GitHub Actions OIDC provider registered in your account. Pin `token.actions.githubusercontent.com:sub` to your repository (and branch or environment) and `:aud` to sts.amazonaws.com.'); },
  },
  {
    value: 'arn:aws:iam::${1:111122223333}:oidc-provider/${2:oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE}',
    label: 'arn:aws:iam::<account>:oidc-provider/<issuer>',
    kind: 'oidc', assumeAction: 'sts:AssumeRoleWithWebIdentity',
    get description() { return l10n.t('An OIDC identity provider registered in your account (EKS service accounts, GitLab, Terraform Cloud, ...). Restrict `<issuer>:sub` and `<issuer>:aud`.'); },
  },
  {
    value: 'arn:aws:iam::${1:111122223333}:saml-provider/${2:ProviderName}',
    label: 'arn:aws:iam::<account>:saml-provider/<name>',
    kind: 'saml', assumeAction: 'sts:AssumeRoleWithSAML',
    get description() { return l10n.t('A SAML 2.0 identity provider registered in your account (Okta, Entra ID, AD FS, ...). Usually paired with a `SAML:aud` condition.'); },
  },
  {
    value: 'cognito-identity.amazonaws.com', label: 'cognito-identity.amazonaws.com', kind: 'cognito', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'cognito-identity.amazonaws.com',
    get description() { return l10n.t('Amazon Cognito identity pools. Restrict `cognito-identity.amazonaws.com:aud` to your identity pool ID and `:amr` to authenticated or unauthenticated.'); },
  },
  {
    value: 'accounts.google.com', label: 'accounts.google.com', kind: 'web-identity', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'accounts.google.com',
    get description() { return l10n.t('Sign-in with Google. Restrict `accounts.google.com:aud` to your OAuth client ID.'); },
  },
  {
    value: 'graph.facebook.com', label: 'graph.facebook.com', kind: 'web-identity', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'graph.facebook.com',
    get description() { return l10n.t('Login with Facebook. Restrict `graph.facebook.com:app_id` to your app.'); },
  },
  {
    value: 'www.amazon.com', label: 'www.amazon.com', kind: 'web-identity', assumeAction: 'sts:AssumeRoleWithWebIdentity', claimPrefix: 'www.amazon.com',
    get description() { return l10n.t('Login with Amazon. Restrict `www.amazon.com:app_id` to your application.'); },
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
  { value: 'Account', get meaning() { return l10n.t('the account root user'); } },
  { value: 'User', get meaning() { return l10n.t('an IAM user'); } },
  { value: 'FederatedUser', get meaning() { return l10n.t('a federated user from GetFederationToken'); } },
  { value: 'AssumedRole', get meaning() { return l10n.t('a role session (AssumeRole*, including federated sign-in and services using roles)'); } },
  { value: 'Anonymous', get meaning() { return l10n.t('an unauthenticated request'); } },
];
