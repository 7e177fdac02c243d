// Policy types grouped by what the rules need to know about them.

export const IAM_TYPES = new Set(['identity', 'boundary', 'session', 'trust', 'scp', 'rcp']);
export const PRINCIPAL_REQUIRED = new Set(['resource', 'trust', 'rcp', 'endpoint']);
export const PRINCIPAL_FORBIDDEN = new Set(['identity', 'boundary', 'session', 'scp']);
