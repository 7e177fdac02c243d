// Whole-model questions (shared/spec/iam-model.md §3): who can become whom (`iam-policy paths`) and who can perform an
// action (`iam-policy who-can`). Edges: sts:AssumeRole where both sides allow; PassRole to a service that runs code
// with the role; IAM self-escalation (new policy versions, attaching or putting policies, group membership, trust
// policy rewrites, access keys and login profiles for others, removing a boundary). Every edge is decided by the
// evaluator on a concrete request, so a Deny, a boundary, an SCP or a resource pattern that cannot match means no edge.
// Conditions: the request carries aws:CurrentTime (now) and the caller-chosen keys MFA and TLS as favourable (listed
// in the edge's assumptions when a statement tests them); other keys the caller would supply (source IP, tags) are
// absent, so a permission that needs them does not count (a limit, said in docs/iam-model.md). Pure.
import type { Catalog } from '../catalog/catalog';
import { globMatch } from '../wildcard';
import { compilePolicySet, decide, simulate, type CompiledPolicySet, type MatchedStatement, type OrgLevel, type PolicySource, type Scenario } from '../evaluator';
import { orgPolicies, principalPolicies, resourceOf, type GatheredPolicy } from './gather';
import { servicePrincipalsOf } from './trustedServices';
import type { ComputeKind, IamModel, ModelCompute, ModelDocument, ModelGroup, ModelRole, ModelUser } from './types';
import * as l10n from '../localize';

export type EdgeKind =
  | 'sts:AssumeRole' | 'iam:PassRole' | 'iam:CreatePolicyVersion' | 'iam:SetDefaultPolicyVersion'
  | 'iam:AttachUserPolicy' | 'iam:AttachGroupPolicy' | 'iam:AttachRolePolicy' | 'iam:PutUserPolicy' | 'iam:PutGroupPolicy'
  | 'iam:PutRolePolicy' | 'iam:AddUserToGroup' | 'iam:UpdateAssumeRolePolicy' | 'iam:CreateAccessKey'
  | 'iam:CreateLoginProfile' | 'iam:UpdateLoginProfile' | 'iam:DeleteUserPermissionsBoundary' | 'iam:DeleteRolePermissionsBoundary'
  | 'lambda:UpdateFunctionCode' | 'lambda:UpdateFunctionConfiguration' | 'codebuild:StartBuild' | 'codebuild:UpdateProject'
  | 'path';

export interface PathEdge {
  /** principal ARNs: a user ARN or a role ARN */
  from: string;
  to: string;
  kind: EdgeKind;
  /** the actions the step needs, e.g. ["iam:PassRole", "lambda:CreateFunction"] */
  via: string[];
  /** the statements that allow each action of `via` */
  statements: { action: string; matched: MatchedStatement[] }[];
  /** what the step takes for granted (the attacker can then invoke the function, a policy has another version ...) */
  assumptions: string[];
  escalation: boolean;
  /** for a finding of several steps (kind "path"): the steps */
  steps?: PathEdge[];
  /** iam:PassRole: the service principal that receives the role (and runs code with it) */
  service?: string;
  /** group edges (Attach/PutGroupPolicy, AddUserToGroup): the group ARN the step changes */
  group?: string;
  /** Lambda and CodeBuild edges: the function or project of the model that runs as the role (the first one found) */
  compute?: PathCompute;
}

export interface PathCompute { kind: ComputeKind; name: string; arn: string; account: string; region: string; service: string }

type Principal = ModelUser | ModelRole;

interface Node {
  entity: Principal;
  /** the Action patterns of its identity Allow statements; null when one uses NotAction (matches almost anything) */
  allowPatterns: string[] | null;
  /** action (lower case) → whether an identity Allow could name it */
  may: Map<string, boolean>;
  /** its policies compiled once, for the requests that involve no resource policy */
  compiled?: CompiledPolicySet;
  /** the request principal: the user ARN or a session of the role */
  requestPrincipal: string;
  identity: PolicySource[];
  boundary: PolicySource[];
}

/** PassRole to a service that runs code with the role: the action that creates it, and a resource it can act on. */
const COMPUTE: { service: string; actions: string[]; resource: (account: string) => string; assumption: () => string }[] = [
  { service: 'lambda.amazonaws.com', actions: ['lambda:CreateFunction'], resource: (a) => `arn:aws:lambda:us-east-1:${a}:function:escalation-probe`, assumption: () => l10n.t('the new function can be invoked (lambda:InvokeFunction, or an event source)') },
  { service: 'ec2.amazonaws.com', actions: ['ec2:RunInstances'], resource: (a) => `arn:aws:ec2:us-east-1:${a}:instance/*`, assumption: () => l10n.t('an instance profile holds the role, and the instance can be reached (user data, SSM or SSH)') },
  { service: 'ecs-tasks.amazonaws.com', actions: ['ecs:RunTask'], resource: (a) => `arn:aws:ecs:us-east-1:${a}:task-definition/escalation-probe:1`, assumption: () => l10n.t('a task definition with the role as task role can be registered or exists') },
  { service: 'cloudformation.amazonaws.com', actions: ['cloudformation:CreateStack'], resource: (a) => `arn:aws:cloudformation:us-east-1:${a}:stack/escalation-probe/*`, assumption: () => l10n.t('the stack template may create any resource the role allows') },
  { service: 'glue.amazonaws.com', actions: ['glue:CreateDevEndpoint'], resource: () => '*', assumption: () => l10n.t('the development endpoint can be reached over SSH') },
  { service: 'glue.amazonaws.com', actions: ['glue:CreateJob'], resource: (a) => `arn:aws:glue:us-east-1:${a}:job/escalation-probe`, assumption: () => l10n.t('the job can be started (glue:StartJobRun)') },
  { service: 'codebuild.amazonaws.com', actions: ['codebuild:CreateProject'], resource: (a) => `arn:aws:codebuild:us-east-1:${a}:project/escalation-probe`, assumption: () => l10n.t('a build can be started (codebuild:StartBuild)') },
  { service: 'sagemaker.amazonaws.com', actions: ['sagemaker:CreateNotebookInstance'], resource: (a) => `arn:aws:sagemaker:us-east-1:${a}:notebook-instance/escalation-probe`, assumption: () => l10n.t('the notebook can be opened (sagemaker:CreatePresignedNotebookInstanceUrl)') },
  { service: 'datapipeline.amazonaws.com', actions: ['datapipeline:CreatePipeline'], resource: () => '*', assumption: () => l10n.t('a pipeline definition running commands can be put and activated') },
  { service: 'states.amazonaws.com', actions: ['states:CreateStateMachine'], resource: (a) => `arn:aws:states:us-east-1:${a}:stateMachine:escalation-probe`, assumption: () => l10n.t('the state machine can be started and calls AWS APIs with the role') },
];

/**
 * What runs code with a role, by kind: the service principal that assumes the role, the action that runs the caller's
 * code as it, the action that changes what it runs (and, with iam:PassRole, its role), and what each takes for granted.
 * Lambda: https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html (Lambda assumes the execution
 * role), https://docs.aws.amazon.com/lambda/latest/dg/API_UpdateFunctionCode.html, a layer or a wrapper script named by
 * AWS_LAMBDA_EXEC_WRAPPER runs first (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html), the role can
 * be changed (https://docs.aws.amazon.com/lambda/latest/dg/permissions-executionrole-update.html). CodeBuild: a build
 * runs as the project's service role, trusted by codebuild.amazonaws.com
 * (https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html); StartBuild takes a
 * buildspecOverride for that build only (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html);
 * UpdateProject changes the buildspec and the serviceRole
 * (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_UpdateProject.html).
 */
const RUNS_WITH_A_ROLE: Record<ComputeKind, {
  service: string; run: EdgeKind; configure: EdgeKind;
  runs: (name: string, role: string) => string; configures: (name: string, role: string) => string; gets: (name: string, role: string, run: boolean) => string;
}> = {
  'lambda-function': {
    service: 'lambda.amazonaws.com', run: 'lambda:UpdateFunctionCode', configure: 'lambda:UpdateFunctionConfiguration',
    runs: (f, r) => l10n.t('{0} runs the new code as {1} when it is invoked (by its event source, or lambda:InvokeFunction)', f, r),
    configures: (f, r) => l10n.t('a layer or wrapper script (AWS_LAMBDA_EXEC_WRAPPER) set in the configuration of {0} runs the caller\'s code as {1} when the function is invoked', f, r),
    gets: (f, r, run) => (run ? l10n.t('{0} gets {1} as its execution role and runs the caller\'s new code when it is invoked', f, r)
      : l10n.t('{0} gets {1} as its execution role; a layer or wrapper script (AWS_LAMBDA_EXEC_WRAPPER) set in the same configuration runs the caller\'s code when it is invoked', f, r)),
  },
  'codebuild-project': {
    service: 'codebuild.amazonaws.com', run: 'codebuild:StartBuild', configure: 'codebuild:UpdateProject',
    runs: (p, r) => l10n.t('a build of {0} started with a buildspec override runs the caller\'s commands as {1}', p, r),
    configures: (p, r) => l10n.t('a buildspec set in {0} runs the caller\'s commands as {1} when a build runs (codebuild:StartBuild, a webhook or a schedule)', p, r),
    gets: (p, r, run) => (run ? l10n.t('{0} gets {1} as its service role, and a build the caller starts runs the caller\'s commands', p, r)
      : l10n.t('{0} gets {1} as its service role and a buildspec of the caller\'s; it runs when a build runs (codebuild:StartBuild, a webhook or a schedule)', p, r)),
  },
};

const strOf = (d: ModelDocument | undefined) => (d ? JSON.stringify(d.document) : '');

/** A question-answering view of a model: every user and role with its policies, compiled once per request shape. */
export class ModelGraph {
  private readonly nodes: Node[] = [];
  private readonly byArn = new Map<string, Node>();
  private readonly scps: OrgLevel[];
  private readonly rcps: OrgLevel[];
  private readonly trustText = new Map<string, string>();
  private readonly groups: ModelGroup[] = [];
  private readonly compute: ModelCompute[] = [];
  private readonly now: number;
  private readonly anyResourcePolicy: boolean;
  private readonly nowIso: string;
  private readonly baseContext: Record<string, unknown>;

  constructor(private readonly model: IamModel, private readonly catalog?: Catalog, now = Date.now()) {
    this.now = now;
    this.nowIso = new Date(now).toISOString();
    this.baseContext = { 'aws:CurrentTime': this.nowIso, ...CALLER_CHOSEN };
    this.scps = levels(orgPolicies(model, 'scp'));
    this.rcps = levels(orgPolicies(model, 'rcp'));
    this.anyResourcePolicy = [...model.accounts.values()].some((a) => a.resources.size > 0);
    for (const a of model.accounts.values()) {
      this.groups.push(...a.groups.values());
      this.compute.push(...a.compute.values());
      for (const e of [...a.users.values(), ...a.roles.values()]) {
        const own = principalPolicies(e);
        const identity = own.filter((g) => g.policyType === 'identity');
        const node: Node = {
          entity: e,
          allowPatterns: allowPatternsOf(identity.map((g) => g.source.policy)),
          may: new Map(),
          requestPrincipal: e.kind === 'user' ? e.arn : `arn:aws:sts::${e.account}:assumed-role/${e.name}/session`,
          identity: own.filter((g) => g.policyType === 'identity').map((g) => g.source),
          boundary: own.filter((g) => g.policyType === 'boundary').map((g) => g.source),
        };
        this.nodes.push(node);
        this.byArn.set(e.arn, node);
        if (e.kind === 'role') this.trustText.set(e.arn, strOf(e.trustPolicy));
      }
    }
  }

  principals(): Principal[] { return this.nodes.map((n) => n.entity); }

  private scenario(n: Node | undefined, principal: string, action: string, resource: string, resourcePolicy?: GatheredPolicy, context?: Record<string, unknown>): Scenario {
    const s: Scenario = {
      identityPolicies: n?.identity ?? [], permissionBoundaries: n?.boundary ?? [], scps: this.scps, rcps: this.rcps,
      request: { principal, action, resource, context: { 'aws:CurrentTime': this.nowIso, ...(n ? CALLER_CHOSEN : {}), ...context } },
    };
    if (resourcePolicy) s.resourcePolicy = resourcePolicy.source;
    return s;
  }

  /** Whether an identity Allow of the principal could name the action at all (cached per principal). */
  mayAllow(n: Node, action: string): boolean {
    if (!n.allowPatterns) return true;
    const key = action.toLowerCase();
    let v = n.may.get(key);
    if (v === undefined) { v = n.allowPatterns.some((p) => globMatch(p, action, true)); n.may.set(key, v); }
    return v;
  }

  /**
   * Whether principal node `n` may perform `action` on `resource`, with the resource's policy from the model. Without a
   * resource policy and without an identity Allow that could name the action the answer is no: the evaluator is not asked.
   */
  allows(n: Node, action: string, resource: string, context?: Record<string, unknown>): boolean {
    const trustCall = /^sts:AssumeRole/i.test(action);
    if (!trustCall && !this.anyResourcePolicy && !this.mayAllow(n, action)) return false;
    const res = resourceOf(this.model, action, resource);
    if (!res.policy && !this.mayAllow(n, action)) return false;
    if (!res.policy) {
      n.compiled ??= compilePolicySet({ identityPolicies: n.identity, permissionBoundaries: n.boundary, scps: this.scps, rcps: this.rcps }, this.catalog);
      const request = { principal: n.requestPrincipal, action, resource, context: context ? { ...this.baseContext, ...context } : this.baseContext, ...(res.account ? { resourceAccount: res.account } : {}) };
      return n.compiled.decide(request, { now: this.now }) === 'Allowed';
    }
    const s = this.scenario(n, n.requestPrincipal, action, resource, res.policy, context);
    if (res.account) s.request.resourceAccount = res.account;
    return decide(s, this.catalog, { now: this.now }) === 'Allowed';
  }

  /** The deciding statements, and the caller-chosen keys their conditions (or a Deny's that did not apply) relied on. */
  private matched(n: Node, action: string, resource: string, context?: Record<string, unknown>): { matched: MatchedStatement[]; assumed: string[] } {
    const res = resourceOf(this.model, action, resource);
    const s = this.scenario(n, n.requestPrincipal, action, resource, res.policy, context);
    if (res.account) s.request.resourceAccount = res.account;
    const r = simulate(s, this.catalog, { now: this.now });
    const keys = new Set(r.statements.flatMap((st) => st.conditions.map((c) => c.key.toLowerCase())));
    return { matched: r.matchedStatements, assumed: Object.keys(CALLER_CHOSEN).filter((k) => keys.has(k.toLowerCase())).map(callerChosenText) };
  }

  /** Whether the role's trust policy lets the service principal assume it. */
  private trustsService(role: ModelRole, service: string): boolean {
    if (!this.trustText.get(role.arn)?.includes(service)) return false;
    const res = resourceOf(this.model, 'sts:AssumeRole', role.arn);
    const s = this.scenario(undefined, service, 'sts:AssumeRole', role.arn, res.policy, { 'aws:SourceAccount': role.account });
    s.request.resourceAccount = role.account;
    return decide(s, this.catalog, { now: this.now }) === 'Allowed';
  }

  /** Could the trust policy name this principal at all (its ARN, its account, or "*")? A cheap filter before deciding. */
  private trustMayName(role: ModelRole, n: Node): boolean {
    const t = this.trustText.get(role.arn) ?? '';
    return t.includes(n.entity.account) || /"AWS"\s*:\s*(\[[^\]]*)?"\*"|"Principal"\s*:\s*"\*"/.test(t);
  }

  /** Whether the principal may assume the role: its identity side and the role's trust policy (both decided). */
  canAssume(n: Node, role: Principal): boolean {
    if (role.kind !== 'role' || role === n.entity || !this.trustMayName(role, n)) return false;
    // a trust policy that names only the account needs the caller's identity Allow too [R4, R5]
    const t = this.trustText.get(role.arn) ?? '';
    if (!t.includes(n.entity.arn) && !t.includes('"*"') && !this.mayAllow(n, 'sts:AssumeRole')) return false;
    return this.allows(n, 'sts:AssumeRole', role.arn);
  }

  private edge(n: Node, to: Principal, kind: EdgeKind, steps: { action: string; resource: string; context?: Record<string, unknown> }[], assumptions: string[] = []): PathEdge {
    const decided = steps.map((s) => ({ action: s.action, ...this.matched(n, s.action, s.resource, s.context) }));
    const assumed = [...new Set(decided.flatMap((d) => d.assumed))];
    return {
      from: n.entity.arn, to: to.arn, kind, via: steps.map((s) => s.action),
      statements: decided.map((d) => ({ action: d.action, matched: d.matched })),
      assumptions: [...assumptions, ...assumed], escalation: false,
    };
  }

  /** Every edge out of one principal. */
  edgesFrom(n: Node): PathEdge[] {
    const out: PathEdge[] = [];
    // a principal that holds every permission can become anyone; its edges add nothing to any finding
    if (this.allowsEverything(n)) return out;
    const e = n.entity;
    const account = e.account;
    for (const m of this.nodes) {
      const t = m.entity;
      if (this.canAssume(n, t)) {
        out.push(this.edge(n, t, 'sts:AssumeRole', [{ action: 'sts:AssumeRole', resource: t.arn }]));
      }
    }
    // PassRole to a service that runs code with the role
    for (const c of COMPUTE) {
      if (!this.mayAllow(n, 'iam:PassRole')) break;
      const probe = c.resource(account);
      if (!c.actions.every((a) => this.allows(n, a, probe))) continue;
      for (const m of this.nodes) {
        const r = m.entity;
        if (r.kind !== 'role' || r.account !== account || r === e || !this.trustsService(r, c.service)) continue;
        const ctx = { 'iam:PassedToService': c.service };
        if (!this.allows(n, 'iam:PassRole', r.arn, ctx)) continue;
        out.push({ ...this.edge(n, r, 'iam:PassRole', [{ action: 'iam:PassRole', resource: r.arn, context: ctx }, ...c.actions.map((a) => ({ action: a, resource: probe }))], [l10n.t('{0} receives the role; {1}', c.service, c.assumption())]), service: c.service });
      }
    }
    out.push(...this.computeEdges(n));
    // IAM self-escalation: rewriting what a principal (itself or another) is allowed to do
    if (!REWRITE_ACTIONS.some((a) => this.mayAllow(n, a))) return out;
    for (const m of this.nodes) {
      const t = m.entity;
      const self = t === e;
      const policyTargets = attachedCustomerPolicies(t);
      for (const arn of policyTargets) {
        if (this.allows(n, 'iam:CreatePolicyVersion', arn)) out.push(this.edge(n, t, 'iam:CreatePolicyVersion', [{ action: 'iam:CreatePolicyVersion', resource: arn }], [l10n.t('a new default version of {0} can grant anything', arn)]));
        else if (this.allows(n, 'iam:SetDefaultPolicyVersion', arn)) out.push(this.edge(n, t, 'iam:SetDefaultPolicyVersion', [{ action: 'iam:SetDefaultPolicyVersion', resource: arn }], [l10n.t('{0} has an older version with more permissions (versions other than the default are not in the model)', arn)]));
      }
      if (t.kind === 'user') {
        for (const a of ['iam:AttachUserPolicy', 'iam:PutUserPolicy'] as const) if (this.allows(n, a, t.arn)) out.push(this.edge(n, t, a, [{ action: a, resource: t.arn }]));
        if (!self && t.account === account) {
          for (const a of ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile'] as const) {
            if (this.allows(n, a, t.arn)) out.push(this.edge(n, t, a, [{ action: a, resource: t.arn }], [a === 'iam:CreateAccessKey' ? l10n.t('{0} has fewer than two access keys', t.name) : a === 'iam:CreateLoginProfile' ? l10n.t('{0} has no console password yet', t.name) : l10n.t('{0} has a console password', t.name)]));
          }
        }
        if (t.boundary && this.allows(n, 'iam:DeleteUserPermissionsBoundary', t.arn)) out.push(this.edge(n, t, 'iam:DeleteUserPermissionsBoundary', [{ action: 'iam:DeleteUserPermissionsBoundary', resource: t.arn }]));
        for (const g of t.groups) {
          for (const a of ['iam:AttachGroupPolicy', 'iam:PutGroupPolicy'] as const) if (this.allows(n, a, g.arn)) out.push({ ...this.edge(n, t, a, [{ action: a, resource: g.arn }], [l10n.t('{0} is in group {1}', t.name, g.name)]), group: g.arn });
        }
        if (self) {
          for (const g of this.groups) {
            if (g.account !== account || t.groups.includes(g) || !g.policies.length) continue;
            if (this.allows(n, 'iam:AddUserToGroup', g.arn)) out.push({ ...this.edge(n, t, 'iam:AddUserToGroup', [{ action: 'iam:AddUserToGroup', resource: g.arn }], [l10n.t('joining {0} adds its policies', g.name)]), group: g.arn });
          }
        }
      } else {
        for (const a of ['iam:AttachRolePolicy', 'iam:PutRolePolicy'] as const) if (this.allows(n, a, t.arn)) out.push(this.edge(n, t, a, [{ action: a, resource: t.arn }], self ? [] : [l10n.t('{0} can then be used (assumed or passed)', t.name)]));
        if (t.boundary && this.allows(n, 'iam:DeleteRolePermissionsBoundary', t.arn)) out.push(this.edge(n, t, 'iam:DeleteRolePermissionsBoundary', [{ action: 'iam:DeleteRolePermissionsBoundary', resource: t.arn }]));
        if (!self && this.allows(n, 'iam:UpdateAssumeRolePolicy', t.arn)) out.push(this.edge(n, t, 'iam:UpdateAssumeRolePolicy', [{ action: 'iam:UpdateAssumeRolePolicy', resource: t.arn }], [t.account === account ? l10n.t('the new trust policy names {0}, which then assumes {1}', e.arn, t.name) : l10n.t('the new trust policy names {0}, which then assumes {1} (across accounts its identity policy must also allow sts:AssumeRole)', e.arn, t.name)]));
      }
    }
    return out;
  }

  /**
   * Edges through the Lambda functions and CodeBuild projects of the model (RUNS_WITH_A_ROLE): each runs as a role that
   * its service assumes through the role's trust policy, so a role that does not trust the service gives no edge.
   * Running it with the caller's code (`run`), or changing what it runs (`configure`), runs that code as its role;
   * with iam:PassRole (iam:PassedToService = the service), `configure` also gives it another role of its account.
   */
  private computeEdges(n: Node): PathEdge[] {
    const out: PathEdge[] = [];
    if (!this.compute.length) return out;
    const e = n.entity;
    const seen = new Set<string>();
    for (const f of this.compute) {
      const k = RUNS_WITH_A_ROLE[f.kind];
      const add = (to: ModelRole, kind: EdgeKind, steps: { action: string; resource: string; context?: Record<string, unknown> }[], assumption: string) => {
        const key = `${to.arn}\u0000${kind}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push({ ...this.edge(n, to, kind, steps, [assumption]), compute: { kind: f.kind, name: f.name, arn: f.arn, account: f.account, region: f.region, service: k.service } });
      };
      if (!this.anyResourcePolicy && !this.mayAllow(n, k.run) && !this.mayAllow(n, k.configure)) continue;
      const mayRun = this.allows(n, k.run, f.arn);
      const mayConfigure = this.allows(n, k.configure, f.arn);
      if (!mayRun && !mayConfigure) continue;
      const role = f.role;
      if (role && role !== e && this.trustsService(role, k.service)) {
        if (mayRun) add(role, k.run, [{ action: k.run, resource: f.arn }], k.runs(f.name, role.name));
        else add(role, k.configure, [{ action: k.configure, resource: f.arn }], k.configures(f.name, role.name));
      }
      if (!mayConfigure || !this.mayAllow(n, 'iam:PassRole')) continue;
      const ctx = { 'iam:PassedToService': k.service };
      for (const m of this.nodes) {
        const r = m.entity;
        if (r.kind !== 'role' || r === role || r === e || r.account !== f.account || !this.trustsService(r, k.service)) continue;
        if (!this.allows(n, 'iam:PassRole', r.arn, ctx)) continue;
        const steps = [{ action: 'iam:PassRole', resource: r.arn, context: ctx }, { action: k.configure, resource: f.arn }, ...(mayRun ? [{ action: k.run, resource: f.arn }] : [])];
        add(r, k.configure, steps, k.gets(f.name, r.name, mayRun));
      }
    }
    return out;
  }

  node(arn: string): Node | undefined { return this.byArn.get(arn); }

  /** Already allowed everything a rewrite could add (probed on actions of several services on "*")? */
  private readonly fullCache = new Map<Node, boolean>();
  allowsEverything(n: Node): boolean {
    let v = this.fullCache.get(n);
    if (v === undefined) {
      v = FULL_ACCESS_PROBES.every((a) => this.allows(n, a, '*'));
      this.fullCache.set(n, v);
    }
    return v;
  }
  allNodes(): Node[] { return this.nodes; }

  /**
   * Whether `to` can do something `from` cannot: each action its Allow statements name (wildcards expanded, capped) on
   * the statement's first resource, decided for both.
   */
  private readonly moreCache = new Map<string, boolean>();
  hasMoreThan(to: Node, from: Node): boolean {
    const key = `${to.entity.arn}\u0000${from.entity.arn}`;
    const hit = this.moreCache.get(key);
    if (hit !== undefined) return hit;
    let more = false;
    let probes = 0;
    outer: for (const p of to.identity) {
      for (const st of statementsOf(p.policy)) {
        if (st.Effect !== 'Allow') continue;
        const resources = strings(st.Resource);
        const resource = resources.length ? resources[0] : '*';
        for (const pattern of strings(st.Action)) {
          const actions = /[*?]/.test(pattern) ? (this.catalog?.expandActions(pattern).slice(0, 25) ?? []) : [pattern];
          for (const a of actions) {
            if (++probes > 300) break outer;
            if (this.allows(to, a, resource) && !this.allows(from, a, resource)) { more = true; break outer; }
          }
        }
      }
    }
    this.moreCache.set(key, more);
    return more;
  }
}

/** Action patterns of the Allow statements of some policies; null if one uses NotAction. */
function allowPatternsOf(policies: unknown[]): string[] | null {
  const out: string[] = [];
  for (const p of policies) {
    for (const st of statementsOf(p)) {
      if (st.Effect !== 'Allow') continue;
      if (st.NotAction !== undefined) return null;
      out.push(...strings(st.Action));
    }
  }
  return out;
}

const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
function statementsOf(policy: unknown): Record<string, unknown>[] {
  const s = (policy as { Statement?: unknown })?.Statement;
  const list = Array.isArray(s) ? s : s ? [s] : [];
  return list.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
}

function levels(gathered: GatheredPolicy[]): OrgLevel[] {
  const byLevel = new Map<string, PolicySource[]>();
  for (const g of gathered) { const k = g.orgIdentifier ?? 'account'; if (!byLevel.has(k)) byLevel.set(k, []); byLevel.get(k)!.push(g.source); }
  return [...byLevel].map(([orgIdentifier, policies]) => ({ orgIdentifier, policies }));
}

/** Customer managed policies attached to a principal (directly or through its groups): a new version rewrites them. */
function attachedCustomerPolicies(e: Principal): string[] {
  const out = new Set<string>();
  const add = (list: Principal['policies']) => { for (const a of list) if (a.kind === 'managed' && !a.policy.awsManaged) out.add(a.policy.arn); };
  add(e.policies);
  if (e.kind === 'user') for (const g of e.groups) add(g.policies);
  return [...out];
}

/**
 * Keys the caller chooses, taken as favourable (spec §3): the caller can sign in with MFA and uses TLS. An edge whose
 * statements test them lists the assumption.
 */
const CALLER_CHOSEN: Record<string, unknown> = { 'aws:MultiFactorAuthPresent': 'true', 'aws:SecureTransport': 'true' };
const callerChosenText = (key: string): string => (key === 'aws:MultiFactorAuthPresent'
  ? l10n.t('the caller signs in with MFA (aws:MultiFactorAuthPresent = true)')
  : l10n.t('the request uses TLS (aws:SecureTransport = true)'));

const REWRITE_ACTIONS = [
  'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:AttachGroupPolicy',
  'iam:PutGroupPolicy', 'iam:AttachRolePolicy', 'iam:PutRolePolicy', 'iam:AddUserToGroup', 'iam:UpdateAssumeRolePolicy', 'iam:CreateAccessKey',
  'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:DeleteUserPermissionsBoundary', 'iam:DeleteRolePermissionsBoundary',
];

const FULL_ACCESS_PROBES = ['iam:CreateUser', 'iam:AttachRolePolicy', 'ec2:RunInstances', 's3:GetObject', 'kms:Decrypt', 'organizations:LeaveOrganization', 'sts:AssumeRole'];


/** Edges by which the start comes to act as the target itself (not only change what the target may do). */
const BECOME: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['sts:AssumeRole', 'iam:PassRole', 'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:UpdateAssumeRolePolicy', 'lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'codebuild:StartBuild', 'codebuild:UpdateProject']);

/**
 * The graph of who can become whom (every edge), and the escalation findings. From each start, the principals it can
 * come to act as are followed breadth first (AssumeRole, PassRole to compute, new credentials for a user, a rewritten
 * trust policy); reaching one that can do something the start cannot is a finding, and so is rewriting the permissions
 * of the start or of a principal it can act as (a new policy version, attaching or putting a policy, joining a group,
 * removing a boundary), unless the start already holds every permission. Expansion stops at a principal that holds
 * every permission: what lies beyond adds nothing. A finding of several steps has kind "path" and its `steps`.
 * `from` limits the starts to one principal ARN.
 */
export function escalationPaths(model: IamModel, catalog?: Catalog, options: { from?: string; now?: number } = {}): PathEdge[] {
  const g = new ModelGraph(model, catalog, options.now);
  const edges = new Map<string, PathEdge[]>();
  for (const n of g.allNodes()) edges.set(n.entity.arn, g.edgesFrom(n));
  const starts = options.from ? g.allNodes().filter((n) => n.entity.arn === options.from) : g.allNodes();
  const out: PathEdge[] = [];
  const startSet = new Set(starts.map((n) => n.entity.arn));
  for (const list of edges.values()) for (const e of list) if (startSet.has(e.from)) out.push(e);
  for (const s of starts) {
    if (g.allowsEverything(s)) continue;
    const S = s.entity.arn;
    // shortest "become" path to every principal the start can act as
    const pathTo = new Map<string, PathEdge[]>([[S, []]]);
    let frontier = [S];
    while (frontier.length) {
      const next: string[] = [];
      for (const x of frontier) {
        if (x !== S && g.allowsEverything(g.node(x)!)) continue;
        for (const e of edges.get(x) ?? []) {
          if (!BECOME.has(e.kind) || pathTo.has(e.to)) continue;
          pathTo.set(e.to, [...pathTo.get(x)!, e]);
          next.push(e.to);
        }
      }
      frontier = next;
    }
    const finding = (to: string, steps: PathEdge[]) => {
      if (steps.length === 1) { steps[0].escalation = true; return; }
      out.push({ from: S, to, kind: 'path', via: steps.flatMap((x) => x.via), statements: steps.flatMap((x) => x.statements), assumptions: steps.flatMap((x) => x.assumptions), escalation: true, steps });
    };
    for (const [x, steps] of pathTo) {
      if (x !== S && g.hasMoreThan(g.node(x)!, s)) finding(x, steps);
    }
    // rewrites of the permissions of the start or of a principal it can act as, from anywhere it can act as
    const rewritten = new Set<string>();
    for (const [x, steps] of pathTo) {
      if (x !== S && g.allowsEverything(g.node(x)!)) continue;
      for (const e of edges.get(x) ?? []) {
        if (BECOME.has(e.kind) || !pathTo.has(e.to) || rewritten.has(`${e.to}\u0000${e.kind}`)) continue;
        rewritten.add(`${e.to}\u0000${e.kind}`);
        finding(e.to, [...steps, e, ...(e.to === x ? [] : pathTo.get(e.to)!)]);
      }
    }
  }
  return out;
}

export interface WhoCan { principal: string; decision: 'Allowed'; via: string[] }

/**
 * Every principal of the model that may perform the action on the resource: users and roles directly, principals that
 * reach a role that may through AssumeRole chains, and service principals that a role allowed to do it trusts.
 */
export function whoCan(model: IamModel, action: string, resource: string, catalog?: Catalog, now?: number): WhoCan[] {
  const g = new ModelGraph(model, catalog, now);
  const direct = new Set<string>();
  for (const n of g.allNodes()) if (g.allows(n, action, resource)) direct.add(n.entity.arn);
  const out: WhoCan[] = [...direct].map((p) => ({ principal: p, decision: 'Allowed' as const, via: [] }));
  // reverse AssumeRole edges: who reaches a role in `direct`
  const assume = new Map<string, string[]>();
  for (const n of g.allNodes()) {
    for (const m of g.allNodes()) {
      if (!g.canAssume(n, m.entity)) continue;
      if (!assume.has(n.entity.arn)) assume.set(n.entity.arn, []);
      assume.get(n.entity.arn)!.push(m.entity.arn);
    }
  }
  for (const n of g.allNodes()) {
    if (direct.has(n.entity.arn)) continue;
    const seen = new Set([n.entity.arn]);
    let frontier: string[][] = [[n.entity.arn]];
    let found: string[] | undefined;
    while (frontier.length && !found) {
      const next: string[][] = [];
      for (const path of frontier) {
        for (const r of assume.get(path[path.length - 1]) ?? []) {
          if (seen.has(r)) continue;
          seen.add(r);
          if (direct.has(r)) { found = [...path.slice(1), r]; break; }
          next.push([...path, r]);
        }
        if (found) break;
      }
      frontier = next;
    }
    if (found) out.push({ principal: n.entity.arn, decision: 'Allowed', via: found });
  }
  for (const p of [...direct]) {
    const role = g.node(p)?.entity;
    if (role?.kind !== 'role') continue;
    for (const svc of servicePrincipalsOf(role.trustPolicy?.document)) out.push({ principal: svc, decision: 'Allowed', via: [role.arn] });
  }
  return out;
}
