// The IAM model (shared/spec/iam-model.md): accounts with their users, groups, roles, customer managed policies and
// resource policies, plus the organization's SCP/RCP levels. References are resolved at load time, so the model is a
// graph: a user points at its group objects and its managed policy objects (issue 12 walks it for AssumeRole and
// PassRole paths).
import type { JsonPath } from '../evaluator';

/** Where something is written: the model file and the JSON path inside it. */
export interface SourceLocation { file: string; path: JsonPath }

/** A policy document held by the model. `document` is null when it could not be read (the problem is reported). */
export interface ModelDocument {
  name: string;
  document: unknown;
  at: SourceLocation;
  /** for a document read from `{"file": ...}`: that file, as the reader named it */
  file?: string;
  /** the document's text when it is not the file's own text (a URL-encoded export document, once decoded) */
  decodedText?: string;
}

export interface ManagedPolicy {
  arn: string;
  name: string;
  path: string;
  awsManaged: boolean;
  document: unknown;
  /** where the model writes the document; absent for a bundled AWS managed policy */
  at?: SourceLocation;
  versionId?: string;
  updatedAt?: string;
}

/** A policy attached to a user, group or role: written inline, or a managed policy by reference. */
export type PolicyAttachment =
  | { kind: 'inline'; doc: ModelDocument }
  | { kind: 'managed'; policy: ManagedPolicy; at: SourceLocation };

interface PrincipalBase {
  name: string;
  arn: string;
  path: string;
  account: string;
  policies: PolicyAttachment[];
  at: SourceLocation;
}

export interface ModelUser extends PrincipalBase {
  kind: 'user';
  groups: ModelGroup[];
  boundary?: PolicyAttachment;
  tags: Record<string, string>;
}

export interface ModelGroup extends PrincipalBase {
  kind: 'group';
  members: ModelUser[];
}

export interface ModelRole extends PrincipalBase {
  kind: 'role';
  trustPolicy?: ModelDocument;
  boundary?: PolicyAttachment;
  tags: Record<string, string>;
}

/** What runs code with a role the model may hold: a Lambda function, or a CodeBuild project. */
export type ComputeKind = 'lambda-function' | 'codebuild-project';

/**
 * A Lambda function (from `aws lambda list-functions` or a hand-written `functions`) or a CodeBuild project (from
 * `aws codebuild batch-get-projects` or `codebuildProjects`) and the role it runs with: whoever may change what it runs
 * runs code as that role.
 */
export interface ModelCompute {
  kind: ComputeKind;
  name: string;
  arn: string;
  region: string;
  account: string;
  /** the role's ARN as written (a Lambda execution role, a CodeBuild service role) */
  roleArn: string;
  /** the role, when the model holds it */
  role?: ModelRole;
  at: SourceLocation;
}

export interface ModelAccount {
  id: string;
  name?: string;
  files: string[];
  /** keyed by lower-cased name: IAM names are unique regardless of case */
  users: Map<string, ModelUser>;
  groups: Map<string, ModelGroup>;
  roles: Map<string, ModelRole>;
  /** customer managed policies, keyed by lower-cased name */
  policies: Map<string, ManagedPolicy>;
  /** resource-based policies by resource ARN */
  resources: Map<string, ModelDocument>;
  /** Lambda functions and CodeBuild projects by ARN (names repeat across regions) */
  compute: Map<string, ModelCompute>;
}

export interface ModelOrgLevel { orgIdentifier: string; policies: ModelDocument[] }

export interface IamModel {
  accounts: Map<string, ModelAccount>;
  scps: ModelOrgLevel[];
  rcps: ModelOrgLevel[];
  /** AWS managed policies given in export files (their document wins over the bundled one), by ARN */
  awsManaged: Map<string, ManagedPolicy>;
}

export interface ModelProblem {
  file: string;
  path: JsonPath;
  message: string;
  severity: 'error' | 'warning';
  /** structure: JSON or shape; reference: a group, policy or account that is not in the model; duplicate: a name given twice */
  kind?: 'structure' | 'reference' | 'duplicate';
}

/** A model file as handed to the loader. */
export interface ModelFile { name: string; text: string }
