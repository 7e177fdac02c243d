// Whether an ARN pattern of a policy (with `*` and `?` wildcards, compared case-sensitively as IAM compares
// resource ARNs) matches a concrete ARN. Pure, so unit tests run in Node.

export function arnPatternMatches(pattern: string, arn: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(arn);
}
