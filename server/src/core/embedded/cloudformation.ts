// CloudFormation and SAM templates (also the JSON CDK synthesizes into cdk.out): recognising a template by its
// content, finding the policy documents in it (cloudformationTables.ts), and partially evaluating intrinsic
// functions so each policy renders as a virtual JSON document.
import type { PolicyType } from '../policy/policyType';
import { CFN_POLICY_PROPERTIES, CFN_VALUE_SHAPES, PSEUDO_PARAMETER_DEFAULTS, type PolicyProperty } from './cloudformationTables';
import { entry, scalarString, type HostMap, type HostNode, type HostRange } from './hostTree';
import { jsonFromPieces } from './jsonInString';
import { PieceIndex } from './pieces';
import { scalarPieces, type Piece, type Resolved, type Resolver } from './virtualPolicy';
import * as l10n from '../localize';

/** Whether the tree is a CloudFormation/SAM template: by content only, so other YAML and JSON stay untouched. */
export function isCloudFormationTemplate(root: HostNode | undefined): boolean {
  if (root?.kind !== 'map') return false;
  if (entry(root, 'AWSTemplateFormatVersion')) return true;
  const transform = entry(root, 'Transform');
  if (transform && JSON.stringify(scalarString(transform) ?? (transform.kind === 'seq' ? transform.items.map(scalarString) : '')).includes('AWS::Serverless')) return true;
  const resources = entry(root, 'Resources');
  return resources?.kind === 'map' && resources.entries.some((e) => /^(AWS|Custom|Alexa)::/.test(scalarString(entry(e.value, 'Type')) ?? ''));
}

export interface ExtractedPolicy {
  /** `Resources/LambdaRole/Properties/Policies/0/PolicyDocument` */
  id: string;
  policyType: PolicyType;
  node: HostNode;
  /** the logical id of the resource that holds it, and that resource's type */
  logicalId: string;
  resourceType: string;
}

export function extractCloudFormationPolicies(root: HostNode | undefined): ExtractedPolicy[] {
  const resources = root?.kind === 'map' ? entry(root, 'Resources') : undefined;
  if (resources?.kind !== 'map') return [];
  const out: ExtractedPolicy[] = [];
  for (const r of resources.entries) {
    const resourceType = scalarString(entry(r.value, 'Type')) ?? '';
    const properties = entry(r.value, 'Properties');
    const table = CFN_POLICY_PROPERTIES[resourceType];
    if (!table || properties?.kind !== 'map') continue;
    for (const prop of table) {
      const type = policyTypeOf(prop, properties);
      if (!type) continue;
      for (const found of walk(properties, prop.path, [])) {
        if (prop.documentsOnly && !(found.node.kind === 'map' && entry(found.node, 'Statement'))) continue;
        if (prop.statement && found.node.kind === 'scalar') continue; // a statement given as a JSON string: not read yet
        const statements = prop.executeApiShorthand ? withExecuteApiArns(found.node, r.key) : found.node;
        const node = prop.statement ? statementAsPolicy(statements) : statements;
        out.push({ id: ['Resources', r.key, 'Properties', ...found.path].join('/'), policyType: type, node, logicalId: r.key, resourceType });
      }
    }
  }
  return out;
}

/**
 * One statement (or a list) as the policy the service keeps it in: `{"Version": "2012-10-17", "Statement": [it]}`, the added
 * parts mapped to the statement's first character (an assumed Version, so no "no Version" finding is invented).
 */
function statementAsPolicy(statement: HostNode): HostNode {
  const at: HostRange = [statement.range[0], statement.range[0]];
  const list: HostNode = statement.kind === 'seq' ? statement : { kind: 'seq', range: statement.range, items: [statement] };
  const version: HostNode = { kind: 'scalar', range: at, value: '2012-10-17', pieces: [{ text: '2012-10-17', kind: 'assumed', range: at, note: l10n.t('the service keeps this statement in a policy with `"Version": "2012-10-17"`') }] };
  return {
    kind: 'map', range: statement.range, entries: [
      { key: 'Version', keyRange: at, value: version },
      { key: 'Statement', keyRange: at, value: list },
    ],
  };
}

/**
 * SAM writes an API's own ARN as `execute-api:/stage/verb/path`: each such Resource value becomes the ARN of this API
 * (`arn:aws:execute-api:us-east-1:123456789012:<logical id>/stage/verb/path`, the prefix derived, the path exact).
 */
function withExecuteApiArns(node: HostNode, logicalId: string): HostNode {
  if (node.kind === 'seq') return { ...node, items: node.items.map((i) => withExecuteApiArns(i, logicalId)) };
  if (node.kind === 'map') {
    return { ...node, entries: node.entries.map((e) => (e.key === 'Resource' || e.key === 'NotResource' ? { ...e, value: shorthandValues(e.value, logicalId) } : e)) };
  }
  return node;
}

function shorthandValues(node: HostNode, logicalId: string): HostNode {
  if (node.kind === 'seq') return { ...node, items: node.items.map((i) => shorthandValues(i, logicalId)) };
  if (node.kind !== 'scalar' || typeof node.value !== 'string' || !node.value.startsWith('execute-api:/')) return node;
  const prefix = 'execute-api:';
  const arn = `arn:${PSEUDO_PARAMETER_DEFAULTS['AWS::Partition']}:execute-api:${PSEUDO_PARAMETER_DEFAULTS['AWS::Region']}:${PSEUDO_PARAMETER_DEFAULTS['AWS::AccountId']}:${logicalId.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
  const head: HostRange = node.contentOffset !== undefined ? [node.contentOffset, node.contentOffset + prefix.length] : node.range;
  const rest = node.value.slice(prefix.length);
  const pieces: Piece[] = [
    { text: arn, kind: 'derived', range: head, note: l10n.t('SAM expands `execute-api:` to the ARN of the API {0}, its id known only at deploy time', logicalId) },
    node.contentOffset !== undefined ? { text: rest, kind: 'exact', offset: node.contentOffset + prefix.length } : { text: rest, kind: 'token', range: node.range },
  ];
  return { kind: 'scalar', range: node.range, value: arn + rest, pieces };
}

function policyTypeOf(prop: PolicyProperty, properties: HostMap): PolicyType | undefined {
  if (typeof prop.type === 'string') return prop.type;
  return prop.type.values[scalarString(entry(properties, prop.type.by)) ?? ''];
}

function* walk(node: HostNode, path: readonly string[], at: string[]): Generator<{ node: HostNode; path: string[] }> {
  if (!path.length) { yield { node, path: at }; return; }
  const [step, ...rest] = path;
  if (step === '*') {
    if (node.kind !== 'seq') return;
    for (let i = 0; i < node.items.length; i++) yield* walk(node.items[i], rest, [...at, String(i)]);
    return;
  }
  const next = entry(node, step);
  if (next) yield* walk(next, rest, [...at, step]);
}

/** Pseudo parameter values to assume; the defaults are in PSEUDO_PARAMETER_DEFAULTS. */
export type PseudoParameters = Record<string, string | undefined>;

/** Partial evaluation of CloudFormation intrinsics against one template. */
export class CloudFormationResolver implements Resolver {
  private readonly parameters: HostMap | undefined;
  private readonly resources: HostMap | undefined;
  private readonly mappings: HostMap | undefined;

  constructor(root: HostNode | undefined, private readonly pseudo: PseudoParameters = PSEUDO_PARAMETER_DEFAULTS) {
    const m = (k: string) => { const n = entry(root, k); return n?.kind === 'map' ? n : undefined; };
    this.parameters = m('Parameters');
    this.resources = m('Resources');
    this.mappings = m('Mappings');
  }

  resolve(node: HostNode): Resolved | undefined {
    if (node.kind !== 'map' || node.entries.length !== 1) return undefined;
    const [{ key, value }] = node.entries;
    if (key === 'Ref') {
      const name = scalarString(value) ?? '';
      if (name === 'AWS::NoValue') return { kind: 'none' };
      return { kind: 'string', pieces: [this.ref(name, node.range)] };
    }
    if (key === 'Fn::If') {
      const items = value.kind === 'seq' ? value.items : [];
      const branches = items.slice(1, 3).filter((b) => this.resolve(b)?.kind !== 'none');
      return { kind: 'choice', branches };
    }
    if (!key.startsWith('Fn::')) return undefined;
    return { kind: 'string', pieces: this.fn(key, value, node.range) };
  }

  /**
   * The policy document a property holds: a map as it is, or a policy written as a JSON string (a literal, a `!Sub`
   * or `!Join` of JSON text) parsed through its pieces; undefined when the string is not a JSON object.
   */
  policyNode(node: HostNode): HostNode | undefined {
    const r = node.kind === 'map' ? this.resolve(node) : undefined;
    if (node.kind === 'map' && !r) return node;
    if (r?.kind === 'choice' || r?.kind === 'none') return node;
    if (node.kind === 'seq') return node;
    const pieces = r?.kind === 'string' ? r.pieces : node.kind === 'scalar' ? scalarPieces(node) : [];
    return jsonFromPieces(pieces);
  }

  /** A value's pieces wherever a string is expected (inside Join, Select, Sub variables). */
  private pieces(node: HostNode): Piece[] {
    if (node.kind === 'scalar') return scalarPieces(node);
    const r = this.resolve(node);
    if (r?.kind === 'string') return r.pieces;
    if (r?.kind === 'choice') return r.branches[0] ? this.pieces(r.branches[0]) : [];
    if (r?.kind === 'none') return [];
    return [unknown('value', node.range, l10n.t('a value computed at deploy time'))];
  }

  private fn(name: string, arg: HostNode, range: HostRange): Piece[] {
    const list = arg.kind === 'seq' ? arg.items : [];
    switch (name) {
      case 'Fn::Sub':
        return arg.kind === 'seq' ? this.sub(list[0], list[1], range) : this.sub(arg, undefined, range);
      case 'Fn::GetAtt': {
        const [res, attr] = arg.kind === 'seq' ? list.map((n) => scalarString(n) ?? '') : splitOnce(scalarString(arg) ?? '', '.');
        return [this.getAtt(res, attr, range)];
      }
      case 'Fn::Join': {
        const delim = scalarPieces(list[0]?.kind === 'scalar' ? list[0] : { kind: 'scalar', range, value: '' });
        const parts = list[1];
        if (parts?.kind !== 'seq') return [unknown('joined', range, l10n.t('`Fn::Join` over a list computed at deploy time'))];
        return parts.items.flatMap((p, i) => [...(i ? delim : []), ...this.pieces(p)]);
      }
      case 'Fn::Select': {
        const index = Number(scalarString(list[0]));
        const from = list[1];
        if (from?.kind === 'seq' && Number.isInteger(index) && from.items[index]) return this.pieces(from.items[index]);
        return [unknown('selected', range, l10n.t('`Fn::Select` from a list computed at deploy time'))];
      }
      case 'Fn::FindInMap': {
        // keys may themselves be intrinsics (`!Ref AWS::Region`): usable when nothing in them is unknown
        const keys = list.map((n) => { const ps = this.pieces(n); return ps.some((p) => p.kind === 'unknown') ? undefined : ps.map((p) => p.text).join(''); });
        const value = keys.length === 3 && keys.every((k) => k !== undefined) ? entry(entry(entry(this.mappings, keys[0]!), keys[1]!), keys[2]!) : undefined;
        const text = scalarString(value);
        if (text !== undefined) return [{ text, kind: 'derived', range, note: l10n.t('`Fn::FindInMap` {0} = `{1}`', keys.join('/'), text) }];
        return [unknown('mapped', range, l10n.t('`Fn::FindInMap` with keys known only at deploy time'))];
      }
      default:
        return [unknown(name.slice(4).toLowerCase(), range, `\`${name}\` is computed at deploy time`)];
    }
  }

  private ref(name: string, range: HostRange): Piece {
    if (name in this.pseudo || name.startsWith('AWS::')) {
      const v = this.pseudo[name];
      return v !== undefined
        ? { text: v, kind: 'assumed', range, note: l10n.t('`{0}` assumed `{1}`', name, v) }
        : unknown(name.slice(5), range, `\`${name}\` is known only at deploy time`);
    }
    const param = entry(this.parameters, name);
    if (param) {
      const def = scalarString(entry(param, 'Default'));
      return def !== undefined && def !== ''
        ? { text: def, kind: 'assumed', range, note: l10n.t('parameter `{0}` assumed its default `{1}`', name, def) }
        : unknown(name, range, l10n.t('parameter `{0}` has no default: its value is known only at deploy time', name));
    }
    const type = scalarString(entry(entry(this.resources, name), 'Type'));
    const shape = type ? CFN_VALUE_SHAPES[type]?.ref : undefined;
    if (shape) return this.shaped(shape, name, range, `\`Ref ${name}\` (${type}), its name known only at deploy time`);
    return unknown(name, range, type ? l10n.t('`Ref {0}` ({1}) is known only at deploy time', name, type) : l10n.t('`Ref {0}`: no parameter or resource of that name', name));
  }

  private getAtt(res: string, attr: string, range: HostRange): Piece {
    const type = scalarString(entry(entry(this.resources, res), 'Type'));
    const shape = type ? CFN_VALUE_SHAPES[type]?.attrs?.[attr] : undefined;
    if (shape) return this.shaped(shape, res, range, `\`Fn::GetAtt ${res}.${attr}\` (${type}), its name known only at deploy time`);
    return unknown(`${res}.${attr}`, range, l10n.t('`Fn::GetAtt {0}.{1}` is known only at deploy time', res, attr));
  }

  private shaped(template: string, name: string, range: HostRange, note: string): Piece {
    const text = template
      .replace('{partition}', this.pseudo['AWS::Partition'] ?? 'aws')
      .replace('{region}', this.pseudo['AWS::Region'] ?? 'us-east-1')
      .replace('{account}', this.pseudo['AWS::AccountId'] ?? '123456789012')
      .replaceAll('{name}', placeholderName(name));
    return { text, kind: 'derived', range, note };
  }

  /** `Fn::Sub`: `${Name}` and `${Res.Attr}` resolved, `${!Literal}` written as `${Literal}` (an IAM policy variable). */
  private sub(template: HostNode | undefined, vars: HostNode | undefined, range: HostRange): Piece[] {
    if (template?.kind !== 'scalar' || typeof template.value !== 'string') return [unknown('sub', range, l10n.t('`Fn::Sub` of a computed string'))];
    const s = template.value;
    // the template's own characters, wherever they stand (one run, or a line per piece in a `|` block)
    const source = new PieceIndex(scalarPieces(template));
    const at = (i: number, j: number): Piece[] => source.slice(i, j);
    const out: Piece[] = [];
    let i = 0;
    while (i < s.length) {
      const open = s.indexOf('${', i);
      if (open < 0) { out.push(...at(i, s.length)); break; }
      if (open > i) out.push(...at(i, open));
      const close = s.indexOf('}', open + 2);
      if (close < 0) { out.push(...at(open, s.length)); break; }
      if (s[open + 2] === '!') {
        out.push(...at(open, open + 2), ...at(open + 3, close + 1));
      } else {
        const name = s.slice(open + 2, close).trim();
        const varRange: HostRange = [source.host(open), source.host(close + 1, true)];
        const given = entry(vars, name);
        if (given) out.push(...this.pieces(given).map((p) => (p.kind === 'exact' ? { ...p, kind: 'derived' as const, range: varRange, note: l10n.t('`{0}` = `{1}`', `\${${name}}`, p.text) } : { ...p, range: varRange })));
        else if (name.includes('.') && !name.startsWith('AWS::')) out.push(this.getAtt(...splitOnce(name, '.'), varRange));
        else out.push(this.ref(name, varRange));
      }
      i = close + 1;
    }
    return out;
  }
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}

/** A placeholder's text: a name-like word (no `*` or `?`, never empty), so format checks accept it. */
function placeholderName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^-+|-+$/g, '') || 'unknown';
}

function unknown(name: string, range: HostRange, note: string): Piece {
  return { text: placeholderName(name), kind: 'unknown', range, note };
}
