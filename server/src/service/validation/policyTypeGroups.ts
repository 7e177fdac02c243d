// Policy types grouped by what the rules need to know about them.

export const IAM_TYPES = new Set(['identity', 'boundary', 'session', 'trust', 'scp', 'rcp']);
export const PRINCIPAL_REQUIRED = new Set(['resource', 'trust', 'rcp', 'endpoint']);
export const PRINCIPAL_FORBIDDEN = new Set(['identity', 'boundary', 'session', 'scp']);
/**
 * Policies that grant permissions. Boundaries, session policies, SCPs, RCPs and VPC endpoint policies only set a
 * ceiling, and a trust policy grants only the sts:AssumeRole* family.
 */
export const GRANTING_TYPES = new Set(['identity', 'resource']);
