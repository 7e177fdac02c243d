// Terraform (HCL) files: the policies in `jsonencode(...)`, JSON heredocs and strings, and
// `data "aws_iam_policy_document"` blocks, read from a tree-sitter syntax tree (the parser is WASM, loaded by
// node/ or the client and handed in, so this stays pure) into the host tree, with Terraform expressions partially
// evaluated: variables with defaults, literal locals, the caller-identity/partition/region data sources and
// attributes of known resources; the rest become typed placeholders.
import type { PolicyType } from '../policy/policyType';
import type { HostEntry, HostMap, HostNode, HostRange, HostScalar, HostSyntaxError } from './hostTree';
import { jsonFromPieces } from './jsonInString';
import { PSEUDO_PARAMETER_DEFAULTS } from './cloudformationTables';
import { TF_CONTEXT_DATA, TF_POLICY_ATTRIBUTES, TF_VALUE_SHAPES } from './terraformTables';
import type { Piece } from './virtualPolicy';

/** The part of a tree-sitter node this reader uses (web-tree-sitter's Node has it). */
export interface SyntaxNode {
  type: string;
  startIndex: number;
  endIndex: number;
  text: string;
  namedChildren: readonly (SyntaxNode | null)[];
  childForFieldName(name: string): SyntaxNode | null;
  hasError: boolean;
  isMissing: boolean;
}

export interface TerraformPolicy {
  /** `aws_iam_role.lambda.assume_role_policy`, `data.aws_iam_policy_document.name` */
  id: string;
  policyType: PolicyType;
  node: HostNode;
}

export interface TerraformAnalysis {
  policies: TerraformPolicy[];
  errors: HostSyntaxError[];
  /** policies that are there but cannot be analysed offline (dynamic blocks, templatefile, ...) */
  notes: { range: HostRange; message: string }[];
}

const named = (n: SyntaxNode | null | undefined): SyntaxNode[] => (n?.namedChildren ?? []).filter((c): c is SyntaxNode => !!c);
const rangeOf = (n: SyntaxNode): HostRange => [n.startIndex, n.endIndex];
const unwrap = (n: SyntaxNode | undefined): SyntaxNode | undefined => (n?.type === 'expression' && named(n).length === 1 ? unwrap(named(n)[0]) : n);

interface Block { type: string; labels: string[]; body: SyntaxNode | undefined; node: SyntaxNode }

function blocksOf(body: SyntaxNode | undefined): Block[] {
  return named(body).filter((c) => c.type === 'block').map((b) => {
    const kids = named(b);
    return {
      type: kids[0]?.text ?? '',
      labels: kids.filter((k) => k.type === 'string_lit').map((k) => stringLitValue(k) ?? ''),
      body: kids.find((k) => k.type === 'body'),
      node: b,
    };
  });
}

function attributesOf(body: SyntaxNode | undefined): Map<string, { name: SyntaxNode; value: SyntaxNode }> {
  const out = new Map<string, { name: SyntaxNode; value: SyntaxNode }>();
  for (const a of named(body).filter((c) => c.type === 'attribute')) {
    const [name, value] = named(a);
    if (name && value) out.set(name.text, { name, value });
  }
  return out;
}

/** A plain string literal's value (no interpolation), else undefined. */
function stringLitValue(n: SyntaxNode | undefined): string | undefined {
  const s = n?.type === 'literal_value' ? named(n)[0] : n;
  if (s?.type !== 'string_lit') return undefined;
  return named(s).filter((c) => c.type === 'template_literal').map((c) => unescapeHcl(c.text)).join('');
}

/** HCL quoted-string escapes (`\"`, `\\`, `\n`, `\t`, `\uNNNN`) and the template escapes `$${` and `%%{`. */
function unescapeHcl(s: string): string {
  if (!/[\\$%]/.test(s)) return s;
  return s.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})|\$\$\{|%%\{/g, (m, e: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    if (!e) return m;
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e === 't') return '\t';
    if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    return e;
  });
}

/** What a Terraform file defines that values can be resolved against. */
class Context {
  readonly variables = new Map<string, string>();
  readonly locals = new Map<string, string>();
  /** `type.name` → the resource's literal name (`name`, `bucket`, `function_name`) if written */
  readonly resources = new Map<string, string | undefined>();
  /** data source `type.name` */
  readonly data = new Set<string>();

  constructor(root: SyntaxNode, readonly pseudo: Record<string, string | undefined>) {
    for (const b of blocksOf(named(root).find((c) => c.type === 'body'))) {
      if (b.type === 'variable' && b.labels[0]) {
        const def = stringLitValue(unwrap(attributesOf(b.body).get('default')?.value));
        if (def !== undefined) this.variables.set(b.labels[0], def);
      } else if (b.type === 'locals') {
        for (const [k, a] of attributesOf(b.body)) {
          const v = stringLitValue(unwrap(a.value));
          if (v !== undefined) this.locals.set(k, v);
        }
      } else if (b.type === 'resource' && b.labels.length >= 2) {
        const attrs = attributesOf(b.body);
        const literal = ['name', 'bucket', 'function_name'].map((k) => stringLitValue(unwrap(attrs.get(k)?.value))).find((v) => v);
        this.resources.set(`${b.labels[0]}.${b.labels[1]}`, literal);
      } else if (b.type === 'data' && b.labels.length >= 2) this.data.add(`${b.labels[0]}.${b.labels[1]}`);
    }
  }

  /** A reference (`var.x`, `local.y`, `aws_s3_bucket.b.arn`, `data.aws_partition.current.partition`) as one piece. */
  reference(path: string, range: HostRange): Piece {
    const parts = path.split('.');
    const assumed = (text: string, note: string): Piece => ({ text, kind: 'assumed', range, note });
    if (parts[0] === 'var' && parts.length === 2) {
      const v = this.variables.get(parts[1]);
      return v !== undefined && v !== '' ? assumed(v, `variable \`${parts[1]}\` assumed its default \`${v}\``) : unknownPiece(parts[1], range, `variable \`${parts[1]}\` has no default: its value is known only at plan time`);
    }
    if (parts[0] === 'local' && parts.length === 2) {
      const v = this.locals.get(parts[1]);
      return v !== undefined && v !== '' ? assumed(v, `local \`${parts[1]}\` = \`${v}\``) : unknownPiece(parts[1], range, `local \`${parts[1]}\` is computed`);
    }
    if (parts[0] === 'data' && parts.length >= 4) {
      const pseudo = TF_CONTEXT_DATA[parts[1]]?.[parts[3]];
      const v = pseudo && this.pseudo[pseudo];
      if (v) return assumed(v, `\`${path}\` assumed \`${v}\``);
      return unknownPiece(parts.slice(1, 3).join('.'), range, `\`${path}\` is known only at plan time`);
    }
    if (parts.length >= 3) {
      const shape = TF_VALUE_SHAPES[parts[0]]?.[parts[2]];
      if (shape) {
        const name = this.resources.get(`${parts[0]}.${parts[1]}`) ?? parts[1];
        const text = shape.replace('{partition}', this.pseudo['AWS::Partition'] ?? 'aws').replace('{region}', this.pseudo['AWS::Region'] ?? 'us-east-1')
          .replace('{account}', this.pseudo['AWS::AccountId'] ?? '123456789012').replaceAll('{name}', placeholderName(name));
        return { text, kind: 'derived', range, note: `\`${parts.slice(0, 3).join('.')}\` (${parts[0]})${this.resources.get(`${parts[0]}.${parts[1]}`) ? '' : ', its name known only at plan time'}` };
      }
    }
    return unknownPiece(parts.slice(0, 3).join('.'), range, `\`${path}\` is known only at plan time`);
  }
}

function placeholderName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^-+|-+$/g, '') || 'unknown';
}

function unknownPiece(name: string, range: HostRange, note: string): Piece {
  return { text: placeholderName(name), kind: 'unknown', range, note };
}

/** A reference expression's dotted path (`aws_s3_bucket.b.arn`), or undefined for anything more complex. */
function referencePath(expr: SyntaxNode): string | undefined {
  const kids = expr.type === 'variable_expr' ? [expr] : named(expr);
  if (kids[0]?.type !== 'variable_expr') return undefined;
  const parts = [kids[0].text];
  for (const k of kids.slice(1)) {
    if (k.type === 'get_attr') parts.push(named(k)[0]?.text ?? '');
    else if (k.type === 'index' || k.type === 'splat') continue; // `x[0].arn`: the attribute is what matters
    else return undefined;
  }
  return parts.join('.');
}

export function analyzeTerraform(root: SyntaxNode, pseudo: Record<string, string | undefined> = PSEUDO_PARAMETER_DEFAULTS): TerraformAnalysis {
  const ctx = new Context(root, pseudo);
  const reader = new Reader(ctx);
  const policies: TerraformPolicy[] = [];
  const blocks = blocksOf(named(root).find((c) => c.type === 'body'));
  const usedAs = policyDocumentUses(blocks);
  for (const b of blocks) {
    if (b.type === 'resource' && b.labels.length >= 2) {
      const table = TF_POLICY_ATTRIBUTES[b.labels[0]];
      if (!table) continue;
      const attrs = attributesOf(b.body);
      for (const entry of table) {
        const type = typeof entry.type === 'string' ? entry.type : entry.type.values[stringLitValue(unwrap(attrs.get(entry.type.by)?.value)) ?? ''];
        if (!type) continue;
        const [first, second] = entry.path.split('.');
        const found = second
          ? blocksOf(b.body).filter((x) => x.type === first).map((x, i) => ({ at: `${first}.${i}.${second}`, attr: attributesOf(x.body).get(second) }))
          : [{ at: first, attr: attrs.get(first) }];
        for (const { at, attr } of found) {
          if (!attr) continue;
          const node = reader.policyExpression(attr.value);
          if (node) policies.push({ id: `${b.labels[0]}.${b.labels[1]}.${at}`, policyType: type, node });
        }
      }
    } else if (b.type === 'data' && b.labels[0] === 'aws_iam_policy_document' && b.labels[1]) {
      const doc = reader.policyDocument(b);
      // statements made only by `dynamic` blocks are known at plan time: noted, not reported as a missing Statement
      if (doc.statements || !doc.dynamic) policies.push({ id: `data.aws_iam_policy_document.${b.labels[1]}`, policyType: usedAs.get(b.labels[1]) ?? policyDocumentType(b), node: doc.node });
    }
  }
  return { policies, errors: syntaxErrors(root), notes: reader.notes };
}

const POLICY_DOCUMENT_REF = /\bdata\.aws_iam_policy_document\.([A-Za-z0-9_-]+)/g;

/**
 * The type of each policy document data source referenced from a policy attribute of a resource in the file
 * (`assume_role_policy = data.aws_iam_policy_document.x.json`, also inside `coalesce`/`try`): where a document is
 * used says what it is, even when its actions come from a variable. A document used as two types keeps the first.
 */
function policyDocumentUses(blocks: Block[]): Map<string, PolicyType> {
  const used = new Map<string, PolicyType>();
  for (const b of blocks) {
    if (b.type !== 'resource' || b.labels.length < 2) continue;
    const attrs = attributesOf(b.body);
    for (const entry of TF_POLICY_ATTRIBUTES[b.labels[0]] ?? []) {
      if (typeof entry.type !== 'string') continue;
      const [first, second] = entry.path.split('.');
      const exprs = second
        ? blocksOf(b.body).filter((x) => x.type === first).map((x) => attributesOf(x.body).get(second)?.value)
        : [attrs.get(first)?.value];
      for (const e of exprs) {
        for (const m of e?.text.matchAll(POLICY_DOCUMENT_REF) ?? []) if (!used.has(m[1])) used.set(m[1], entry.type);
      }
    }
  }
  return used;
}

/** Unused documents: a trust policy when the statements name principals and only sts actions. */
function policyDocumentType(b: Block): PolicyType {
  const statements = blocksOf(b.body).filter((s) => s.type === 'statement');
  const principals = statements.some((s) => blocksOf(s.body).some((x) => x.type === 'principals' || x.type === 'not_principals'));
  if (!principals) return 'identity';
  const actions = statements.flatMap((s) => { const a = unwrap(attributesOf(s.body).get('actions')?.value); return a ? [a.text] : []; }).join(' ');
  return /sts:(AssumeRole|TagSession|SetSourceIdentity|SetContext)/i.test(actions) && !/"(?!sts:)[a-z0-9-]+:/i.test(actions) ? 'trust' : 'resource';
}

function syntaxErrors(root: SyntaxNode): HostSyntaxError[] {
  if (!root.hasError) return [];
  const out: HostSyntaxError[] = [];
  const walk = (n: SyntaxNode, depth: number) => {
    if (out.length >= 20 || depth > 256) return;
    if (n.type === 'ERROR' || n.isMissing) { out.push({ range: rangeOf(n), message: n.isMissing ? `HCL syntax error: missing ${n.type}` : 'HCL syntax error' }); return; }
    for (const c of named(n)) if (c.hasError || c.isMissing) walk(c, depth + 1);
  };
  walk(root, 0);
  return out.length ? out : [{ range: [0, 0], message: 'HCL syntax error' }];
}

class Reader {
  readonly notes: TerraformAnalysis['notes'] = [];
  constructor(private readonly ctx: Context) {}

  /** The policy an attribute's expression holds, or undefined (with a note when it is there but not analysable). */
  policyExpression(expr: SyntaxNode): HostNode | undefined {
    const e = unwrap(expr);
    if (!e) return undefined;
    if (e.type === 'function_call') {
      const [fn, args] = named(e);
      if (fn?.text === 'jsonencode' && args) {
        const arg = unwrap(named(args)[0]);
        if (arg) return this.value(arg);
      }
      // `coalesce(var.custom, try(data.aws_iam_policy_document.x[0].json, …))`: the documents named are checked where
      // they are written; only the choice between them is made at plan time
      if (!/\bdata\.aws_iam_policy_document\./.test(e.text)) {
        this.notes.push({ range: rangeOf(e), message: `A policy built by \`${fn?.text ?? 'a function'}(...)\` is not analysed: its text is known only at plan time.` });
      }
      return undefined;
    }
    if (e.type === 'template_expr' || e.type === 'literal_value') return this.jsonString(e);
    const ref = referencePath(e);
    // `data.aws_iam_policy_document.x.json` is checked where the data source is written
    if (ref?.startsWith('data.aws_iam_policy_document.')) return undefined;
    this.notes.push({ range: rangeOf(e), message: `This policy comes from \`${e.text.slice(0, 80)}\`, known only at plan time: it is not analysed.` });
    return undefined;
  }

  /** A JSON policy written as a heredoc or quoted string; interpolations are resolved in place. */
  private jsonString(e: SyntaxNode): HostNode | undefined {
    const template = named(e)[0];
    if (!template) return undefined;
    const node = jsonFromPieces(this.templateScalar(template).pieces ?? []);
    if (!node) this.notes.push({ range: rangeOf(e), message: 'This policy string is not a JSON object once its interpolations are filled in; it is not analysed.' });
    return node;
  }

  private interpolation(p: SyntaxNode): Piece {
    const inner = unwrap(named(p).find((c) => c.type === 'expression'));
    const ref = inner && referencePath(inner);
    if (p.type === 'template_interpolation' && ref) return this.ctx.reference(ref, rangeOf(p));
    return unknownPiece('value', rangeOf(p), `\`${p.text.slice(0, 60)}\` is computed at plan time`);
  }

  /** An HCL expression inside jsonencode(...) as a host node. */
  value(e: SyntaxNode): HostNode {
    const n = unwrap(e) ?? e;
    const range = rangeOf(n);
    if (n.type === 'collection_value') return this.value(named(n)[0] ?? n);
    if (n.type === 'object') {
      const entries: HostEntry[] = [];
      for (const el of named(n).filter((c) => c.type === 'object_elem')) {
        const k = unwrap(el.childForFieldName('key') ?? undefined), v = el.childForFieldName('val');
        if (!k || !v) continue;
        const key = stringLitValue(k) ?? (k.type === 'variable_expr' || named(k)[0]?.type === 'variable_expr' ? k.text : undefined);
        if (key === undefined) { this.notes.push({ range: rangeOf(k), message: 'A computed key is not analysed.' }); continue; }
        entries.push({ key, keyRange: rangeOf(k), value: this.value(v) });
      }
      return { kind: 'map', range, entries };
    }
    if (n.type === 'tuple') return { kind: 'seq', range, items: named(n).filter((c) => c.type === 'expression').map((c) => this.value(c)) };
    if (n.type === 'literal_value') {
      const lit = named(n)[0];
      if (lit?.type === 'string_lit') return this.templateScalar(lit);
      if (lit?.type === 'numeric_lit') return { kind: 'scalar', range, value: Number(lit.text), contentOffset: lit.startIndex };
      if (lit?.type === 'bool_lit') return { kind: 'scalar', range, value: lit.text === 'true', contentOffset: lit.startIndex };
      return { kind: 'scalar', range, value: null };
    }
    if (n.type === 'template_expr') return this.templateScalar(named(n)[0] ?? n);
    const ref = referencePath(n);
    if (ref) return { kind: 'scalar', range, value: '', pieces: [this.ctx.reference(ref, range)] };
    return { kind: 'scalar', range, value: '', pieces: [unknownPiece('value', range, `\`${n.text.slice(0, 60)}\` is computed at plan time`)] };
  }

  /** A quoted template (`"arn:aws:s3:::${var.b}/*"`) as pieces: literal text exact (unless escaped), interpolations resolved. */
  private templateScalar(t: SyntaxNode, iamVariables = false): HostScalar {
    const pieces: Piece[] = [];
    for (const c of named(t)) {
      if (c.type === 'template_literal') {
        const value = unescapeHcl(c.text);
        if (iamVariables && value.includes('&{')) pieces.push(...iamVariablePieces(value, c));
        else pieces.push(value === c.text ? { text: value, kind: 'exact', offset: c.startIndex } : { text: value, kind: 'token', range: rangeOf(c) });
      } else if (c.type === 'template_interpolation' || c.type === 'template_directive') pieces.push(this.interpolation(c));
    }
    return { kind: 'scalar', range: rangeOf(t), value: pieces.map((p) => p.text).join(''), pieces };
  }

  /** `data "aws_iam_policy_document"`: statements, principals and conditions as the provider renders them. */
  policyDocument(b: Block): { node: HostNode; statements: number; dynamic: boolean } {
    const attrs = attributesOf(b.body);
    const at = (n: SyntaxNode): HostRange => [n.startIndex, n.startIndex];
    const assumed = (text: string, r: HostRange, note: string): HostScalar => ({ kind: 'scalar', range: r, value: text, pieces: [{ text, kind: 'assumed', range: r, note }] });
    const entries: HostEntry[] = [];
    const version = attrs.get('version');
    entries.push(version
      ? { key: 'Version', keyRange: rangeOf(version.name), value: this.docValue(version.value) }
      : { key: 'Version', keyRange: at(b.node), value: assumed('2012-10-17', at(b.node), 'the provider writes `"Version": "2012-10-17"` when `version` is not set') });
    const id = attrs.get('policy_id');
    if (id) entries.push({ key: 'Id', keyRange: rangeOf(id.name), value: this.docValue(id.value) });
    for (const k of ['source_policy_documents', 'override_policy_documents']) {
      const a = attrs.get(k);
      if (a) this.notes.push({ range: rangeOf(a.name), message: `\`${k}\` are merged at plan time; only the statements written here are checked.` });
    }
    const statements: HostNode[] = [];
    let dynamic = false;
    for (const s of blocksOf(b.body)) {
      if (s.type === 'dynamic') { dynamic = true; this.notes.push({ range: rangeOf(s.node), message: 'A `dynamic` block is expanded at plan time: its statements are not analysed.' }); continue; }
      if (s.type !== 'statement') continue;
      const sa = attributesOf(s.body);
      const se: HostEntry[] = [];
      const add = (json: string, hcl: string) => { const a = sa.get(hcl); if (a) se.push({ key: json, keyRange: rangeOf(a.name), value: this.docValue(a.value) }); };
      add('Sid', 'sid');
      const effect = sa.get('effect');
      se.push(effect ? { key: 'Effect', keyRange: rangeOf(effect.name), value: this.docValue(effect.value) } : { key: 'Effect', keyRange: at(s.node), value: assumed('Allow', at(s.node), '`effect` defaults to `"Allow"` in `aws_iam_policy_document`') });
      add('Action', 'actions'); add('NotAction', 'not_actions'); add('Resource', 'resources'); add('NotResource', 'not_resources');
      for (const [block, json] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
        const ps = blocksOf(s.body).filter((x) => x.type === block);
        if (!ps.length) continue;
        const byType: HostEntry[] = [];
        for (const p of ps) {
          const pa = attributesOf(p.body);
          const type = stringLitValue(unwrap(pa.get('type')?.value));
          const ids = pa.get('identifiers');
          if (!type || !ids) continue;
          // `type = "*"` with `identifiers = ["*"]` is how the provider writes `"Principal": "*"`
          if (type === '*') { byType.length = 0; se.push({ key: json, keyRange: rangeOf(p.node), value: { kind: 'scalar', range: rangeOf(ids.value), value: '*', contentOffset: undefined } }); break; }
          byType.push({ key: type, keyRange: rangeOf(pa.get('type')!.value), value: this.docValue(ids.value) });
        }
        if (byType.length) se.push({ key: json, keyRange: rangeOf(ps[0].node), value: { kind: 'map', range: rangeOf(ps[0].node), entries: byType } });
      }
      const conditions = blocksOf(s.body).filter((x) => x.type === 'condition');
      if (conditions.length) {
        const ops = new Map<string, HostEntry>();
        for (const c of conditions) {
          const ca = attributesOf(c.body);
          const test = ca.get('test'), variable = ca.get('variable'), values = ca.get('values');
          const op = test && stringLitValue(unwrap(test.value));
          const key = variable && this.conditionKey(variable.value);
          if (!op || !key || !values) continue;
          let opEntry = ops.get(op);
          if (!opEntry) { opEntry = { key: op, keyRange: rangeOf(unwrap(test.value)!), value: { kind: 'map', range: rangeOf(c.node), entries: [] } }; ops.set(op, opEntry); }
          (opEntry.value as HostMap).entries.push({ ...key, value: this.docValue(values.value) });
        }
        se.push({ key: 'Condition', keyRange: rangeOf(conditions[0].node), value: { kind: 'map', range: rangeOf(conditions[0].node), entries: [...ops.values()] } });
      }
      statements.push({ kind: 'map', range: rangeOf(s.node), entries: se });
    }
    entries.push({ key: 'Statement', keyRange: at(b.node), value: { kind: 'seq', range: rangeOf(b.node), items: statements } });
    return { node: { kind: 'map', range: rangeOf(b.node), entries }, statements: statements.length, dynamic };
  }

  /** A condition's `variable`: a literal key, or one built with interpolations (`"${local.oidc}:sub"`) as pieces. */
  private conditionKey(e: SyntaxNode): Omit<HostEntry, 'value'> | undefined {
    const n = unwrap(e);
    if (!n) return undefined;
    const literal = stringLitValue(n);
    if (literal !== undefined) return { key: literal, keyRange: rangeOf(n) };
    if (n.type !== 'template_expr') return undefined;
    const scalar = this.templateScalar(named(n)[0] ?? n);
    return { key: String(scalar.value), keyRange: rangeOf(n), keyPieces: scalar.pieces };
  }

  /** A value in a policy document data source: strings take `&{aws:username}` for IAM policy variables. */
  private docValue(e: SyntaxNode): HostNode {
    const n = unwrap(e) ?? e;
    if (n.type === 'collection_value' && named(n)[0]?.type === 'tuple') {
      const t = named(n)[0];
      return { kind: 'seq', range: rangeOf(t), items: named(t).filter((c) => c.type === 'expression').map((c) => this.docValue(c)) };
    }
    if (n.type === 'literal_value' && named(n)[0]?.type === 'string_lit') return this.templateScalar(named(n)[0], true);
    if (n.type === 'template_expr') return this.templateScalar(named(n)[0] ?? n, true);
    return this.value(n);
  }
}

/** `&{aws:username}` as `${aws:username}`: the `&` is a token, the rest exact. */
function iamVariablePieces(value: string, c: SyntaxNode): Piece[] {
  if (value !== c.text) return [{ text: value.replaceAll('&{', '${'), kind: 'token', range: rangeOf(c) }];
  const out: Piece[] = [];
  let i = 0;
  for (let j = value.indexOf('&{'); j >= 0; j = value.indexOf('&{', j + 2)) {
    if (j > i) out.push({ text: value.slice(i, j), kind: 'exact', offset: c.startIndex + i });
    out.push({ text: '$', kind: 'token', range: [c.startIndex + j, c.startIndex + j + 1] }, { text: '{', kind: 'exact', offset: c.startIndex + j + 1 });
    i = j + 2;
  }
  if (i < value.length) out.push({ text: value.slice(i), kind: 'exact', offset: c.startIndex + i });
  return out;
}
