// Whether a policy's resource ARN (which may hold `*`, `?` and `${...}` policy variables) can name a resource of a
// type whose ARN format is a template such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
//
// Both sides are patterns, so the question is whether their languages intersect. A template placeholder stands
// for one or more characters other than the literal that follows it in the template (a bucket name cannot hold
// the `/` that separates it from the object key), and the last placeholder stands for anything. A policy `*`
// stands for anything, including nothing, and a policy variable for one or more characters without `/` or `:`.

type TemplateToken = { lit: string } | { placeholder: string; excl: string | null };
type PolicyToken = { lit: string } | { one: true } | { star: true } | { variable: true };

const PLACEHOLDER = /\$\{[^}]*\}/g;

export function parseTemplate(format: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let last = 0;
  const pushLits = (s: string) => { for (const ch of s) tokens.push({ lit: ch }); };
  for (const m of format.matchAll(PLACEHOLDER)) {
    pushLits(format.slice(last, m.index));
    tokens.push({ placeholder: m[0], excl: null });
    last = m.index! + m[0].length;
  }
  pushLits(format.slice(last));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ('placeholder' in t) {
      const next = tokens[i + 1];
      t.excl = next && 'lit' in next ? next.lit : null;
    }
  }
  // A resource part that is one bare name (`arn:...:s3:::${BucketName}`, an SQS queue, an SNS topic) names
  // no path: a `/` after it belongs to another type (`${BucketName}/${ObjectName}`).
  let colons = 0, start = -1;
  for (let i = 0; i < tokens.length && start < 0; i++) {
    const t = tokens[i];
    if ('lit' in t && t.lit === ':' && ++colons === 5) start = i + 1;
  }
  if (start >= 0 && start === tokens.length - 1) {
    const only = tokens[start];
    if ('placeholder' in only) only.excl = '/';
  }
  return tokens;
}

export function parsePolicyArn(arn: string): PolicyToken[] {
  const tokens: PolicyToken[] = [];
  for (let i = 0; i < arn.length; i++) {
    const ch = arn[i];
    if (ch === '$' && arn[i + 1] === '{') {
      const end = arn.indexOf('}', i + 2);
      if (end > 0) { tokens.push({ variable: true }); i = end; continue; }
    }
    if (ch === '*') { if (!tokens.length || !('star' in tokens[tokens.length - 1])) tokens.push({ star: true }); }
    else if (ch === '?') tokens.push({ one: true });
    else tokens.push({ lit: ch });
  }
  return tokens;
}

/** Whether some concrete ARN is matched by both the policy ARN pattern and the template. */
export function arnCanMatchTemplate(policy: PolicyToken[], template: TemplateToken[]): boolean {
  const nP = policy.length, nT = template.length;
  // state: i (policy pos), j (template pos), inT (>=1 char of placeholder j consumed), inV (same for variable i)
  const seen = new Set<number>();
  const key = (i: number, j: number, inT: boolean, inV: boolean) => ((i * (nT + 1) + j) * 2 + (inT ? 1 : 0)) * 2 + (inV ? 1 : 0);
  const stack: [number, number, boolean, boolean][] = [[0, 0, false, false]];
  const push = (i: number, j: number, inT: boolean, inV: boolean) => {
    const k = key(i, j, inT, inV);
    if (!seen.has(k)) { seen.add(k); stack.push([i, j, inT, inV]); }
  };
  seen.add(key(0, 0, false, false));
  while (stack.length) {
    const [i, j, inT, inV] = stack.pop()!;
    if (i === nP && j === nT) return true;
    const p = policy[i];
    const t = template[j];
    // epsilon moves: a star may end; a placeholder or variable that has consumed a char may end
    if (p && 'star' in p) push(i + 1, j, inT, false);
    if (t && 'placeholder' in t && inT) push(i, j + 1, false, inV);
    if (p && 'variable' in p && inV) push(i + 1, j, inT, false);
    if (!p || !t) continue;
    // consume one character on both sides; `?` and `*` fit any character
    if ('lit' in p && !('lit' in t ? p.lit === t.lit : p.lit !== t.excl)) continue;
    if ('variable' in p && 'lit' in t && (t.lit === '/' || t.lit === ':')) continue;
    // a star or a variable may go on consuming, a placeholder too
    const pStays = 'star' in p || 'variable' in p;
    push(pStays ? i : i + 1, 'lit' in t ? j + 1 : j, !('lit' in t), 'variable' in p);
  }
  return false;
}
