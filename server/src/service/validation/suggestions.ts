// "Did you mean" candidates: edit distance and the ranking of equally close suggestions.

// the distance and the candidate search are pure and shared with core/model (unknown groups and policies)
export { editDistance, maxDistance, suggest } from '../../core/suggest';

// Most-used service prefixes in AWS managed policies (most frequent first), used to rank equally close suggestions.
const COMMON_SERVICES = ['ec2', 's3', 'iam', 'logs', 'cloudwatch', 'kms', 'lambda', 'sns', 'sqs', 'dynamodb', 'cloudformation',
  'sts', 'elasticloadbalancing', 'autoscaling', 'ssm', 'rds', 'ecr', 'ecs', 'tag', 'events', 'secretsmanager', 'glue',
  'organizations', 'config', 'cloudtrail', 'kinesis', 'states', 'apigateway', 'route53', 'elasticfilesystem'];
export const serviceRank = (p: string): number => { const i = COMMON_SERVICES.indexOf(p); return i < 0 ? COMMON_SERVICES.length : i; };
