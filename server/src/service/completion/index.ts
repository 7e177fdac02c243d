// Completion in policy documents, driven by the JSON path of the cursor (see ../cursor.ts): element names per policy
// type, Version and Effect values, services, actions and wildcard patterns, resource ARNs built from the ARN formats of
// the statement's actions, principals, condition operators, condition keys and typed values.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type Command, type CompletionItem, type CompletionList, type Position,
} from 'vscode-languageserver-types';
import type { Catalog, ConditionKeyInfo } from '../../core/catalog/catalog';
import { ACCESS_LEVELS } from '../../core/catalog/catalog';
import { OPERATORS, operatorFitsKeyType, parseOperator, SET_QUALIFIERS } from '../../core/operators';
import type { Entry, PolicyDocument, Statement } from '../../core/policy/model';
import { POLICY_TYPES, type PolicyType } from '../../core/policy/policyType';
import { IDENTITY_PROVIDERS, PRINCIPAL_TYPE_VALUES, SERVICE_PRINCIPALS } from '../../core/principals';
import { hasWildcard } from '../../core/wildcard';
import { cursorAt, type Cursor } from '../cursor';
import { parsed, rangeOf } from '../documents';
import { statementActionNames } from '../hover';
import {
  actionMarkdown, conditionKeyMarkdown, ELEMENT_TEXTS, operatorMarkdown, patternMarkdown, plural,
  principalMarkdown, serviceMarkdown, VERSION_VALUE_TEXTS,
} from '../hover/texts';
import { decidePolicyType } from '../policyType';
import { iamEntityText, iamResourceTypeText } from '../hover/iamEntityTexts';
import { effectElementMarkdown, effectValueMarkdown } from '../hover/policyTypeTexts';
import { DEFAULT_SETTINGS } from '../settings';
import * as l10n from '@vscode/l10n';

/** What resolveCompletion needs to fill in documentation later. */
export type CompletionData =
  | { k: 'action'; v: string }
  | { k: 'pattern'; v: string }
  | { k: 'service'; v: string }
  | { k: 'key'; v: string }
  | { k: 'operator'; v: string }
  | { k: 'element'; v: string; t?: PolicyType }
  | { k: 'principal'; t?: string; v: string };

const RETRIGGER: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** Escapes literal text for a snippet: `$`, `}` and `\` are special. */
export function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** Escapes text for use inside a JSON string. */
function jsonEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/**
 * Turns an ARN format such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}` into a snippet with one tab stop per
 * variable (`${1:aws}`, `${2:BucketName}`, ...); the same variable twice shares its tab stop.
 */
export function arnFormatSnippet(format: string): string {
  const stops = new Map<string, number>();
  return format.replace(/\$\{([^}]*)\}|[$}\\]/g, (m: string, name: string | undefined) => {
    if (name === undefined) return `\\${m}`;
    let i = stops.get(name);
    if (i === undefined) { i = stops.size + 1; stops.set(name, i); }
    const def = name === 'Partition' ? 'aws' : name;
    return `\${${i}:${escapeSnippet(def)}}`;
  });
}

/** A key name as a snippet with its variable part (`${TagKey}`, `<key>`) as the first tab stop; undefined without one. */
function keyNameSnippet(name: string): string | undefined {
  const m = /\$\{([^}]*)\}|<([^>]*)>/.exec(name);
  return m ? `${escapeSnippet(name.slice(0, m.index))}\${1:${escapeSnippet(m[1] ?? m[2])}}${escapeSnippet(name.slice(m.index + m[0].length))}` : undefined;
}

/** Builds items against one cursor: value items replace the string content, key items the key (plus a value). */
class Builder {
  readonly items: CompletionItem[] = [];
  incomplete = false;

  constructor(readonly doc: TextDocument, readonly c: Cursor) {}

  /** The keys already in an object, except the one being typed: completing it replaces it, so it does not count. */
  otherKeys(entries: readonly Entry[] | undefined): string[] {
    const typing = this.c.literal?.offset;
    return (entries ?? []).filter((e) => e.keySpan.offset !== typing).map((e) => e.key);
  }

  range(offset: number, length: number) {
    return rangeOf(this.doc, { offset, length });
  }

  /** A value inside (or instead of) a string literal. `text` is snippet syntax when snippet is true. */
  value(label: string, text: string, o: { kind: CompletionItemKind; detail?: string; sort?: string; snippet?: boolean; data?: CompletionData; filter?: string; retrigger?: boolean; doc?: string }): void {
    const c = this.c;
    let newText = c.inString ? text : `"${text}"`;
    if (c.inString && !c.stringClosed) newText += '"';
    const item: CompletionItem = {
      label, kind: o.kind, detail: o.detail, sortText: o.sort, filterText: c.inString || c.bare ? (o.filter ?? label) : `"${o.filter ?? label}"`,
      textEdit: { range: this.range(c.replace.offset, c.replace.length), newText },
      insertTextFormat: o.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      data: o.data,
    };
    if (o.doc) item.documentation = { kind: MarkupKind.Markdown, value: o.doc };
    if (o.retrigger) item.command = RETRIGGER;
    this.items.push(item);
  }

  /** A property name; `valueSnippet` is added (with `": "`) unless a colon already follows the key. */
  key(name: string, valueSnippet: string, o: { kind: CompletionItemKind; detail?: string; sort?: string; data?: CompletionData; doc?: string; label?: string; nameSnippet?: string; retrigger?: boolean }): void {
    const c = this.c;
    const text = this.doc.getText();
    const nameSnippet = o.nameSnippet ?? escapeSnippet(jsonEscape(name));
    let offset: number, length: number, newText: string, filter: string;
    if (c.inString && c.keyHasColon) {
      ({ offset, length } = c.replace);
      newText = nameSnippet + (c.stringClosed ? '' : '"');
      filter = name;
    } else {
      const span = c.inString && c.literal ? c.literal : c.replace;
      ({ offset, length } = span);
      newText = `"${nameSnippet}": ${valueSnippet}`;
      filter = c.inString ? `"${name}"` : name;
      const before = text.slice(0, offset).trimEnd();
      const after = text.slice(offset + length).trimStart();
      if (before.length && /["}\]\w]$/.test(before)) newText = `, ${newText}`;
      if (/^["{]/.test(after)) newText += ',';
    }
    const item: CompletionItem = {
      label: o.label ?? name, kind: o.kind, detail: o.detail, sortText: o.sort, filterText: filter,
      textEdit: { range: this.range(offset, length), newText },
      insertTextFormat: InsertTextFormat.Snippet, data: o.data,
    };
    if (o.doc) item.documentation = { kind: MarkupKind.Markdown, value: o.doc };
    if (o.retrigger) item.command = RETRIGGER;
    this.items.push(item);
  }
}

const sortKey = (group: number, i: number) => `${String(group).padStart(2, '0')}-${String(i).padStart(5, '0')}`;

// ------------------------------------------------------------------------------------------------ elements

interface ElementSpec { name: string; value: string; types?: PolicyType[] }

const without = (...ts: PolicyType[]) => POLICY_TYPES.filter((t) => !ts.includes(t));

function statementElements(type: PolicyType): ElementSpec[] {
  const specs: ElementSpec[] = [
    { name: 'Sid', value: '"$1"' },
    { name: 'Effect', value: type === 'rcp' ? '"${1|Deny,Allow|}"' : '"${1|Allow,Deny|}"' },
    { name: 'Principal', value: type === 'rcp' || type === 'endpoint' ? '"*"' : '{\n\t"${1|AWS,Service,Federated|}": "$2"\n}', types: ['resource', 'trust', 'rcp', 'endpoint'] },
    { name: 'NotPrincipal', value: '{\n\t"AWS": "$1"\n}', types: ['resource'] },
    { name: 'Action', value: '"$1"' },
    { name: 'NotAction', value: '"$1"', types: without('rcp') },
    { name: 'Resource', value: '"$1"', types: without('trust') },
    { name: 'NotResource', value: '"$1"', types: without('trust') },
    { name: 'Condition', value: '{\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}' },
  ];
  return specs.filter((s) => !s.types || s.types.includes(type));
}

const PAIRS: Record<string, string> = { Action: 'NotAction', NotAction: 'Action', Resource: 'NotResource', NotResource: 'Resource', Principal: 'NotPrincipal', NotPrincipal: 'Principal' };

function completeStatementKeys(b: Builder, s: Statement | undefined, type: PolicyType): void {
  const present = new Set(b.otherKeys(s?.entries));
  let i = 0;
  for (const el of statementElements(type)) {
    i++;
    if (present.has(el.name) || (PAIRS[el.name] && present.has(PAIRS[el.name]))) continue;
    b.key(el.name, el.value, { kind: CompletionItemKind.Property, sort: sortKey(0, i), data: el.name === 'Effect' ? { k: 'element', v: el.name, t: type } : { k: 'element', v: el.name }, retrigger: el.name !== 'Sid' && el.name !== 'Condition' && el.name !== 'Principal' && el.name !== 'Effect' });
  }
}

function completeRootKeys(b: Builder, policy: PolicyDocument, type: PolicyType): void {
  const present = new Set(b.otherKeys(policy.entries));
  const specs: ElementSpec[] = [
    { name: 'Version', value: '"${1|2012-10-17,2008-10-17|}"' },
    { name: 'Id', value: '"$1"', types: ['resource', 'trust', 'rcp', 'endpoint'] },
    { name: 'Statement', value: '[\n\t{\n\t\t$0\n\t}\n]' },
  ];
  specs.forEach((el, i) => {
    if (present.has(el.name) || (el.types && !el.types.includes(type))) return;
    b.key(el.name, el.value, { kind: CompletionItemKind.Property, sort: sortKey(0, i), data: { k: 'element', v: el.name } });
  });
}

function newStatementSnippet(type: PolicyType): string {
  const principal = type === 'resource' || type === 'trust' ? '\t"Principal": {\n\t\t"${3|AWS,Service,Federated|}": "$4"\n\t},\n' : type === 'rcp' ? '\t"Principal": "*",\n' : '';
  // tab stops in reading order: Sid, Effect, Principal, Action, Resource
  const resource = type === 'trust' ? '' : ',\n\t"Resource": "$6"';
  const effect = type === 'rcp' ? 'Deny' : '${2|Allow,Deny|}';
  const action = type === 'trust' ? '${5:sts:AssumeRole}' : '$5';
  return `{\n\t"Sid": "$1",\n\t"Effect": "${effect}",\n${principal}\t"Action": "${action}"${resource}\n}`;
}

/** "Version and one statement (scp policy)": one sentence per policy type, so each translates whole */
function newPolicyDetail(type: PolicyType): string {
  switch (type) {
    case 'identity': return l10n.t('Version and one statement (identity policy)');
    case 'resource': return l10n.t('Version and one statement (resource policy)');
    case 'trust': return l10n.t('Version and one statement (trust policy)');
    case 'scp': return l10n.t('Version and one statement (scp policy)');
    case 'rcp': return l10n.t('Version and one statement (rcp policy)');
    case 'boundary': return l10n.t('Version and one statement (boundary policy)');
    case 'session': return l10n.t('Version and one statement (session policy)');
    case 'endpoint': return l10n.t('Version and one statement (endpoint policy)');
  }
}

/** The label of the whole-policy snippet; filtered by its English words, which a user types whatever the display language. */
function newPolicyLabel(type: PolicyType): string {
  switch (type) {
    case 'identity': return l10n.t('New identity policy');
    case 'resource': return l10n.t('New resource policy');
    case 'trust': return l10n.t('New trust policy');
    case 'scp': return l10n.t('New scp policy');
    case 'rcp': return l10n.t('New rcp policy');
    case 'boundary': return l10n.t('New boundary policy');
    case 'session': return l10n.t('New session policy');
    case 'endpoint': return l10n.t('New endpoint policy');
  }
}

function newStatementDetail(type: PolicyType): string {
  switch (type) {
    case 'identity': return l10n.t('identity policy statement');
    case 'resource': return l10n.t('resource policy statement');
    case 'trust': return l10n.t('trust policy statement');
    case 'scp': return l10n.t('scp policy statement');
    case 'rcp': return l10n.t('rcp policy statement');
    case 'boundary': return l10n.t('boundary policy statement');
    case 'session': return l10n.t('session policy statement');
    case 'endpoint': return l10n.t('endpoint policy statement');
  }
}

/** An empty document: the whole policy skeleton for its type (a new `x.trust.json` gets a trust policy). */
function completeNewPolicy(b: Builder, type: PolicyType): void {
  const statement = newStatementSnippet(type).replace(/\n/g, '\n\t\t');
  b.items.push({
    label: newPolicyLabel(type), filterText: `New ${type} policy`, kind: CompletionItemKind.Snippet, detail: newPolicyDetail(type), sortText: sortKey(0, 0),
    textEdit: { range: b.range(0, b.doc.getText().length), newText: `{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t${statement}\n\t]\n}` },
    insertTextFormat: InsertTextFormat.Snippet,
  });
}

function completeNewStatement(b: Builder, type: PolicyType): void {
  if (b.c.inString) return;
  const body = newStatementSnippet(type);
  b.items.push({
    label: l10n.t('New statement'), filterText: 'New statement', kind: CompletionItemKind.Snippet, detail: newStatementDetail(type), sortText: sortKey(0, 0),
    textEdit: { range: b.range(b.c.replace.offset, b.c.replace.length), newText: body },
    insertTextFormat: InsertTextFormat.Snippet,
  });
}

// ------------------------------------------------------------------------------------------------ actions

/** The actions a role trust policy can grant, the one that fits the statement's principal first. */
function trustActions(s: Statement | undefined): string[] {
  const fed = s?.principal?.types.find((t) => t.type === 'Federated')?.list.values ?? [];
  const assume = fed.some((f) => /:saml-provider\//.test(f.value)) ? 'sts:AssumeRoleWithSAML' : fed.length ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole';
  const all = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];
  return [assume, ...all.filter((a) => a !== assume)];
}

function completeActions(b: Builder, catalog: Catalog, type: PolicyType): void {
  b.incomplete = true;
  const typed = b.c.prefix;
  const colon = typed.indexOf(':');
  if (colon < 0 && type === 'trust') {
    // a trust policy grants only these: offer them before the list of every service
    trustActions(b.c.statement).forEach((a, i) => {
      const info = catalog.action(a);
      if (info) b.value(a, a, { kind: CompletionItemKind.Function, detail: `${info.accessLevels.join(', ')} — role trust`, sort: sortKey(0, i), data: { k: 'action', v: a }, filter: a });
    });
  }
  if (colon < 0) {
    // service names only: action counts would parse every service; the resolved documentation has the count
    catalog.servicePrefixes().forEach((p, i) => {
      // outside quotes, the snippet's final tab stop keeps the cursor inside the new string for the next suggestion
      b.value(p, b.c.inString ? `${p}:` : `${p}:$0`, { kind: CompletionItemKind.Module, detail: catalog.serviceName(p), sort: sortKey(1, i), data: { k: 'service', v: p }, retrigger: true, filter: p, snippet: !b.c.inString });
    });
    b.value('*', '*', { kind: CompletionItemKind.Constant, detail: l10n.t('every action of every service'), sort: sortKey(9, 0), data: { k: 'pattern', v: '*' } });
    return;
  }
  const svc = catalog.service(typed.slice(0, colon));
  if (!svc) return;
  const namePart = typed.slice(colon + 1);
  const names = catalog.actionsOfService(svc.prefix);
  // each pattern with the actions it matches: `kms:Re*` matches RetireGrant and RevokeGrant too, not only the two
  // actions whose first word is "Re", so the detail counts the expansion, not the verb
  const patterns = new Map<string, readonly string[]>();
  patterns.set(`${svc.prefix}:*`, names);
  const verbs = new Map<string, number>();
  for (const n of names) {
    const verb = /^[A-Z][a-z]+/.exec(n.slice(n.indexOf(':') + 1))?.[0];
    if (verb) verbs.set(verb, (verbs.get(verb) ?? 0) + 1);
  }
  for (const [verb, count] of verbs) {
    if (count >= 2) patterns.set(`${svc.prefix}:${verb}*`, catalog.expandActions(`${svc.prefix}:${verb}*`));
  }
  // the wildcard preview of what is being typed: `s3:GetObj` -> `s3:GetObj*` (N actions)
  if (namePart) {
    const typedPattern = `${svc.prefix}:${hasWildcard(namePart) ? namePart : `${namePart}*`}`;
    const matched = catalog.expandActions(typedPattern);
    if (matched.length) patterns.set(typedPattern, matched);
  }
  let i = 0;
  for (const [pattern, matched] of patterns) {
    const bd = catalog.accessLevelBreakdown(matched);
    const levels = ACCESS_LEVELS.filter((l) => bd[l] > 0).map((l) => `${l} ${bd[l]}`).join(', ');
    b.value(pattern, pattern, { kind: CompletionItemKind.Constant, detail: `${plural(matched.length, 'action')} — ${levels}`, sort: sortKey(3, i++), data: { k: 'pattern', v: pattern }, filter: pattern });
  }
  names.forEach((full, j) => {
    const info = catalog.action(full)!;
    b.value(full, full, { kind: CompletionItemKind.Function, detail: info.accessLevels.join(', '), sort: sortKey(2, j), data: { k: 'action', v: full }, filter: full });
  });
}

// ------------------------------------------------------------------------------------------------ resources

const arnVariables = (format: string) => format.split('${').length - 1;

function completeResources(b: Builder, catalog: Catalog): void {
  const s = b.c.statement;
  const actions = statementActionNames(catalog, s, 2000);
  const formats = new Map<string, { names: Set<string>; actions: number; required: number }>();
  let onlyStar = 0;
  for (const a of actions) {
    const rts = catalog.resourceTypesOf(a);
    if (!rts.length) onlyStar++;
    for (const rt of rts) {
      if (!rt.arnFormat) continue;
      const f = formats.get(rt.arnFormat) ?? { names: new Set<string>(), actions: 0, required: 0 };
      f.names.add(rt.name);
      f.actions++;
      if (rt.required) f.required++;
      formats.set(rt.arnFormat, f);
    }
  }
  if (!actions.length) {
    // no actions yet: use the service typed in the ARN, e.g. `arn:aws:s3:`
    const svc = /^arn:[^:]*:([^:]+):/.exec(b.c.prefix)?.[1];
    if (svc) for (const rt of catalog.resourceTypesOfService(svc)) formats.set(rt.arnFormat, { names: new Set([rt.name]), actions: 0, required: 0 });
  }
  [...formats.entries()]
    // on a tie the simpler ARN first: s3:GetObject's bucket object before its access point object
    .sort((x, y) => y[1].required - x[1].required || y[1].actions - x[1].actions || arnVariables(x[0]) - arnVariables(y[0]))
    .forEach(([format, f], i) => {
      const label = format.replace('${Partition}', 'aws');
      const iamType = /^arn:\$\{Partition\}:iam::\$\{Account\}:(user|group|role|policy)\//.exec(format)?.[1];
      b.value(label, arnFormatSnippet(format), {
        kind: CompletionItemKind.Reference, snippet: true, sort: sortKey(2, i), filter: label, doc: iamType && iamResourceTypeText(iamType),
        detail: `${[...f.names].join(', ')}${f.actions ? ` — for ${f.actions} of ${plural(actions.length, 'action')}` : ''}`,
      });
    });
  const starDetail = actions.length && onlyStar === actions.length ? l10n.t('these actions support only "*"')
    : onlyStar ? l10n.t('{0} of the actions support only "*"', onlyStar) : l10n.t('every resource');
  b.value('*', '*', { kind: CompletionItemKind.Constant, detail: starDetail, sort: onlyStar ? sortKey(1, 0) : sortKey(9, 0) });
}

// ------------------------------------------------------------------------------------------------ policy variables

const FAVOURITE_VARIABLES = ['aws:username', 'aws:userid', 'aws:PrincipalTag/${TagKey}', 'aws:PrincipalAccount', 'aws:SourceIdentity'];

/**
 * After an unclosed `${` in a resource ARN or a String/ARN condition value: the single-valued global keys as policy
 * variables, replacing from the `${` to the cursor. Returns false when the cursor is not in a variable.
 */
function completeVariables(b: Builder, catalog: Catalog): boolean {
  const c = b.c;
  if (!c.inString) return false;
  const open = c.prefix.lastIndexOf('${');
  if (open < 0 || c.prefix.indexOf('}', open) >= 0) return false;
  const start = c.replace.offset + open;
  const after = b.doc.getText().slice(c.offset, c.replace.offset + c.replace.length);
  const length = c.offset - start + (after.startsWith('}') ? 1 : 0);
  const keys = catalog.globalKeys().filter((k) => !k.multiValued);
  keys.sort((x, y) => {
    const fx = FAVOURITE_VARIABLES.indexOf(x.name), fy = FAVOURITE_VARIABLES.indexOf(y.name);
    return (fx < 0 ? 99 : fx) - (fy < 0 ? 99 : fy) || x.name.localeCompare(y.name);
  });
  keys.forEach((k, i) => {
    const inner = keyNameSnippet(k.name) ?? escapeSnippet(k.name);
    b.items.push({
      label: `\${${k.name}}`, kind: CompletionItemKind.Variable, detail: l10n.t('{0} — policy variable', k.type), sortText: sortKey(0, i), filterText: `\${${k.name}}`,
      textEdit: { range: b.range(start, length), newText: `\\\${${inner}\\}` }, insertTextFormat: InsertTextFormat.Snippet, data: { k: 'key', v: k.name },
    });
  });
  const specials: [string, string][] = [['*', 'a literal *'], ['?', 'a literal ?'], ['$', 'a literal $']];
  specials.forEach(([ch, detail], i) => b.items.push({
    label: `\${${ch}}`, kind: CompletionItemKind.Variable, detail, sortText: sortKey(1, i), filterText: `\${${ch}}`,
    textEdit: { range: b.range(start, length), newText: `\${${ch}}` }, insertTextFormat: InsertTextFormat.PlainText,
  }));
  return true;
}

// ------------------------------------------------------------------------------------------------ principals

const awsPrincipals = (): { label: string; snippet: string; detail: string }[] => [
  { label: 'arn:aws:iam::<account>:root', snippet: 'arn:${1:aws}:iam::${2:111122223333}:root', detail: l10n.t('an account (delegates to that account\'s own policies)') },
  { label: 'arn:aws:iam::<account>:role/<name>', snippet: 'arn:${1:aws}:iam::${2:111122223333}:role/${3:RoleName}', detail: l10n.t('an IAM role (all its sessions)') },
  { label: 'arn:aws:iam::<account>:user/<name>', snippet: 'arn:${1:aws}:iam::${2:111122223333}:user/${3:UserName}', detail: l10n.t('an IAM user') },
  { label: 'arn:aws:sts::<account>:assumed-role/<role>/<session>', snippet: 'arn:${1:aws}:sts::${2:111122223333}:assumed-role/${3:RoleName}/${4:SessionName}', detail: l10n.t('one role session') },
  { label: '<account-id>', snippet: '${1:111122223333}', detail: l10n.t('an account ID (same as its root ARN)') },
];

function completePrincipalValues(b: Builder, type: string): void {
  if (type === 'AWS') {
    awsPrincipals().forEach((p, i) => b.value(p.label, p.snippet, { kind: CompletionItemKind.Reference, snippet: true, detail: p.detail, sort: sortKey(1, i), filter: p.label.replace(/<[^>]*>/g, ''), data: { k: 'principal', t: 'AWS', v: p.label } }));
    b.value('*', '*', { kind: CompletionItemKind.Constant, detail: l10n.t('every AWS principal'), sort: sortKey(9, 0), data: { k: 'principal', t: 'AWS', v: '*' } });
  } else if (type === 'Service') {
    SERVICE_PRINCIPALS.forEach((s, i) => b.value(s.name, s.name, { kind: CompletionItemKind.EnumMember, detail: s.use, sort: sortKey(1, i), data: { k: 'principal', t: 'Service', v: s.name } }));
  } else if (type === 'Federated') {
    IDENTITY_PROVIDERS.forEach((p, i) => b.value(p.label, p.value, { kind: CompletionItemKind.EnumMember, snippet: true, detail: l10n.t('{0} — {1}', p.kind.toUpperCase(), p.assumeAction), sort: sortKey(1, i), filter: p.label, data: { k: 'principal', t: 'Federated', v: p.label } }));
  }
}

function completePrincipalTypes(b: Builder, type: PolicyType, element: string): void {
  if (type === 'rcp') return;
  const types = ['AWS', 'Service', 'Federated', ...(type === 'resource' ? ['CanonicalUser'] : [])];
  const el = b.c.statement?.[element === 'Principal' ? 'principal' : 'notPrincipal'];
  const present = new Set(b.otherKeys(el?.types.map((t) => t.list.entry)));
  types.forEach((t, i) => {
    if (present.has(t)) return;
    b.key(t, '"$1"', { kind: CompletionItemKind.Property, sort: sortKey(0, i), data: { k: 'element', v: t }, retrigger: true });
  });
}

// ------------------------------------------------------------------------------------------------ conditions

function completeOperators(b: Builder): void {
  const typed = b.c.prefix;
  const colon = typed.indexOf(':');
  const qualifier = colon >= 0 ? SET_QUALIFIERS.find((q) => q.toLowerCase() === typed.slice(0, colon).toLowerCase()) : undefined;
  const value = '{\n\t"$1": "$2"\n}';
  let i = 0;
  if (colon >= 0) {
    if (!qualifier) return;
    b.incomplete = true;
    for (const o of OPERATORS) {
      if (o.family === 'Null') continue;
      for (const name of [o.name, `${o.name}IfExists`]) b.key(`${qualifier}:${name}`, value, { kind: CompletionItemKind.Operator, sort: sortKey(1, i++), data: { k: 'operator', v: `${qualifier}:${name}` }, retrigger: true });
    }
    return;
  }
  b.incomplete = true;
  for (const o of OPERATORS) b.key(o.name, value, { kind: CompletionItemKind.Operator, detail: o.family, sort: sortKey(1, i++), data: { k: 'operator', v: o.name }, retrigger: true });
  for (const o of OPERATORS) {
    if (o.family !== 'Null') b.key(`${o.name}IfExists`, value, { kind: CompletionItemKind.Operator, detail: l10n.t('{0}, true when the key is missing', o.family), sort: sortKey(2, i++), data: { k: 'operator', v: `${o.name}IfExists` }, retrigger: true });
  }
  // the set prefixes: inserting only the prefix and asking again lists the qualified operators
  for (const q of SET_QUALIFIERS) {
    const c = b.c;
    const newText = c.inString && c.keyHasColon ? `${q}:` : `"${q}:`;
    const span = c.inString ? (c.keyHasColon ? c.replace : c.literal!) : c.replace;
    b.items.push({
      label: `${q}:`, kind: CompletionItemKind.Keyword, detail: l10n.t('set operator for multivalued keys'), sortText: sortKey(3, i++),
      filterText: c.inString && !c.keyHasColon ? `"${q}:` : `${q}:`,
      textEdit: { range: b.range(span.offset, span.length), newText: newText + (c.inString && c.keyHasColon && !c.stringClosed ? '"' : '') },
      command: RETRIGGER, data: { k: 'operator', v: q } satisfies CompletionData,
    });
  }
}

const OIDC_CLAIMS: Record<string, string[]> = {
  'token.actions.githubusercontent.com': ['aud', 'sub'],
  'cognito-identity.amazonaws.com': ['aud', 'amr', 'sub'],
  'accounts.google.com': ['aud', 'sub', 'oaud'],
};

/** Condition keys a federated principal of the statement brings (e.g. `token.actions.githubusercontent.com:sub`). */
function federatedKeys(catalog: Catalog, s: Statement | undefined): ConditionKeyInfo[] {
  const out: ConditionKeyInfo[] = [];
  for (const t of s?.principal?.types ?? []) {
    if (t.type !== 'Federated') continue;
    for (const v of t.list.values) {
      const host = v.value.includes(':oidc-provider/') ? v.value.slice(v.value.indexOf(':oidc-provider/') + ':oidc-provider/'.length) : v.value;
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+/i.test(host) || v.value.includes(':saml-provider/')) continue;
      for (const claim of OIDC_CLAIMS[host] ?? ['aud', 'sub']) {
        const info = catalog.conditionKey(`${host}:${claim}`);
        if (info) out.push(info);
      }
    }
  }
  return out;
}

function completeConditionKeys(b: Builder, catalog: Catalog, operator: string): void {
  const s = b.c.statement;
  const actions = statementActionNames(catalog, s, 2000);
  const resources = (s?.resource?.values ?? []).map((v) => v.value);
  const op = parseOperator(operator);
  const seen = new Set<string>();
  const present = new Set(b.otherKeys(s?.conditions.find((cl) => cl.operator === operator)?.keys.map((k) => k.entry)).map((k) => k.toLowerCase()));
  const groups: [number, ConditionKeyInfo[]][] = [
    [0, federatedKeys(catalog, s)],
    [1, catalog.conditionKeysFor(actions, resources.length ? resources : undefined)],
    [2, catalog.globalKeys()],
  ];
  let i = 0;
  for (const [group, keys] of groups) {
    for (const k of keys) {
      const lower = k.name.toLowerCase();
      if (seen.has(lower) || present.has(lower)) continue;
      seen.add(lower);
      const fits = !op.info || operatorFitsKeyType(op.info.family, k.type, { allowNumericDates: /^aws:epochtime$/i.test(k.name) });
      const nameSnippet = keyNameSnippet(k.name);
      const value = k.multiValued ? `[\n\t"${nameSnippet ? '$2' : '$1'}"\n]` : `"${nameSnippet ? '$2' : '$1'}"`;
      b.key(k.name, value, {
        kind: CompletionItemKind.Field, nameSnippet,
        detail: `${k.type}${k.multiValued ? ', multivalued' : ''}${k.global ? ', global' : ''}${fits ? '' : ` — does not fit ${op.info!.name}`}`,
        sort: sortKey(fits ? group : group + 5, i++), data: { k: 'key', v: k.name }, retrigger: true,
      });
    }
  }
}

function completeConditionValues(b: Builder, catalog: Catalog, operator: string, keyName: string): void {
  const op = parseOperator(operator);
  const info = catalog.conditionKey(keyName);
  const v = (label: string, text: string, detail?: string, snippet = false, i = 0, doc?: string) =>
    b.value(label, text, { kind: snippet ? CompletionItemKind.Snippet : CompletionItemKind.Value, detail, sort: sortKey(1, i), snippet, filter: label, doc });
  if (op.info?.family === 'Null') {
    v('true', 'true', `${keyName} is absent`, false, 0);
    v('false', 'false', `${keyName} is present`, false, 1);
    return;
  }
  if (!info) return;
  const lower = info.name.toLowerCase();
  const type = info.type.replace(/^ArrayOf/, '');
  if (type === 'Bool') { v('true', 'true', undefined, false, 0); v('false', 'false', undefined, false, 1); return; }
  if (lower === 'aws:principaltype') { PRINCIPAL_TYPE_VALUES.forEach((p, i) => v(p.value, p.value, p.meaning, false, i)); return; }
  if (type === 'String' && /region$/i.test(info.name)) {
    catalog.allRegions().forEach((r, i) => v(r, r, catalog.partitionOfRegion(r), false, i));
    return;
  }
  if (/^aws:(calledvia|calledviafirst|calledvialast|principalservicename|principalservicenameslist)$/.test(lower)) {
    SERVICE_PRINCIPALS.forEach((s, i) => v(s.name, s.name, s.use, false, i));
    return;
  }
  if (/^token\.actions\.githubusercontent\.com:sub$/.test(lower)) {
    v('repo:<owner>/<repo>:ref:refs/heads/<branch>', 'repo:${1:owner}/${2:repo}:ref:refs/heads/${3:main}', l10n.t('one branch of one repository'), true, 0);
    v('repo:<owner>/<repo>:environment:<name>', 'repo:${1:owner}/${2:repo}:environment:${3:production}', l10n.t('one deployment environment'), true, 1);
    v('repo:<owner>/<repo>:pull_request', 'repo:${1:owner}/${2:repo}:pull_request', l10n.t('pull request workflows'), true, 2);
    return;
  }
  if (/:aud$/.test(lower) && lower.startsWith('token.actions.githubusercontent.com')) { v('sts.amazonaws.com', 'sts.amazonaws.com', l10n.t('the audience GitHub\'s AWS action requests'), false, 0); return; }
  if (/^aws:(principalorgid|resourceorgid|sourceorgid|vpceorgid)$/.test(lower)) { v('o-<org-id>', 'o-${1:exampleorgid}', l10n.t('organization ID'), true, 0); return; }
  if (/^aws:(principalorgpaths|resourceorgpaths|sourceorgpaths|vpceorgpaths)$/.test(lower)) { v('o-<org>/r-<root>/ou-<ou>/*', 'o-${1:exampleorgid}/r-${2:ab12}/ou-${3:ab12-11111111}/*', l10n.t('an OU path and everything below it'), true, 0); return; }
  if (/^aws:(principalaccount|resourceaccount|sourceaccount|vpceaccount)$/.test(lower)) { v('<account-id>', '${1:111122223333}', l10n.t('12-digit account ID'), true, 0); return; }
  if (lower === 'aws:principalarn' || lower === 'aws:sourcearn' || type === 'ARN') {
    if (lower === 'aws:principalarn') {
      v('arn:aws:iam::<account>:role/<name>', 'arn:${1:aws}:iam::${2:111122223333}:role/${3:RoleName}', l10n.t('a role'), true, 0, iamEntityText('role'));
      v('arn:aws:iam::<account>:user/<name>', 'arn:${1:aws}:iam::${2:111122223333}:user/${3:UserName}', l10n.t('an IAM user'), true, 1, iamEntityText('user'));
      return;
    }
    if (lower === 'iam:policyarn' || lower === 'iam:permissionsboundary') {
      v('arn:aws:iam::<account>:policy/<name>', 'arn:${1:aws}:iam::${2:111122223333}:policy/${3:PolicyName}', l10n.t('a customer managed policy'), true, 0, iamEntityText('customer managed policy'));
      v('arn:aws:iam::aws:policy/<name>', 'arn:${1:aws}:iam::aws:policy/${2:ReadOnlyAccess}', l10n.t('an AWS managed policy'), true, 1, iamEntityText('aws managed policy'));
      return;
    }
    v('arn:…', 'arn:${1:aws}:${2:service}:${3:region}:${4:111122223333}:${5:resource}', l10n.t('an ARN'), true, 0);
    return;
  }
  if (type === 'Date') { v('<ISO 8601 date-time>', '${1:2026-01-01T00:00:00Z}', l10n.t('UTC date and time'), true, 0); return; }
  if (type === 'IPAddress') { v('<CIDR range>', '${1:203.0.113.0}/${2:24}', l10n.t('address range'), true, 0); v('<IP address>', '${1:203.0.113.10}', l10n.t('one address'), true, 1); return; }
  if (type === 'Numeric' && lower === 'aws:multifactorauthage') { v('3600', '${1:3600}', l10n.t('seconds since MFA sign-in'), true, 0); return; }
}

// ------------------------------------------------------------------------------------------------ entry points

export function complete(doc: TextDocument, position: Position, catalog: Catalog, policyType?: PolicyType): CompletionList {
  const policy = parsed(doc);
  const c = cursorAt(policy, doc.offsetAt(position));
  const b = new Builder(doc, c);
  const type = policyType ?? decidePolicyType(doc.uri, policy, DEFAULT_SETTINGS).type;
  const a = c.area;
  if (c.isKey) {
    switch (a.kind) {
      case 'root': completeRootKeys(b, policy, type); break;
      case 'statement': completeStatementKeys(b, c.statement, type); break;
      case 'principalType': completePrincipalTypes(b, type, a.element); break;
      case 'condition': completeOperators(b); break;
      case 'conditionOperator': completeConditionKeys(b, catalog, a.operator); break;
      default: break;
    }
  } else {
    switch (a.kind) {
      case 'root': if (!policy.root && !policy.text.trim()) completeNewPolicy(b, type); break;
      case 'version':
        b.value('2012-10-17', '2012-10-17', { kind: CompletionItemKind.EnumMember, detail: l10n.t('current'), sort: sortKey(0, 0), doc: VERSION_VALUE_TEXTS['2012-10-17'] });
        b.value('2008-10-17', '2008-10-17', { kind: CompletionItemKind.EnumMember, detail: l10n.t('legacy: no policy variables'), sort: sortKey(0, 1), doc: VERSION_VALUE_TEXTS['2008-10-17'] });
        break;
      case 'effect':
        (type === 'rcp' ? ['Deny', 'Allow'] : ['Allow', 'Deny']).forEach((e, i) => b.value(e, e, { kind: CompletionItemKind.EnumMember, sort: sortKey(0, i), doc: effectValueMarkdown(e, type) }));
        break;
      case 'statement': completeNewStatement(b, type); break;
      case 'action': completeActions(b, catalog, type); break;
      case 'resource': if (!completeVariables(b, catalog)) completeResources(b, catalog); break;
      case 'principal':
        b.value('*', '*', { kind: CompletionItemKind.Constant, detail: l10n.t('everyone'), sort: sortKey(0, 0), data: { k: 'principal', v: '*' } });
        break;
      case 'principalType': if (a.type) completePrincipalValues(b, a.type); break;
      case 'conditionKey': {
        const family = parseOperator(a.operator).info?.family;
        if (!((family === 'String' || family === 'Arn') && completeVariables(b, catalog))) completeConditionValues(b, catalog, a.operator, a.key);
        break;
      }
      default: break;
    }
  }
  return { isIncomplete: b.incomplete, items: b.items };
}

/** Documentation is filled in lazily, when the editor shows an item: descriptions load on first need. */
export function resolveCompletion(item: CompletionItem, catalog: Catalog): CompletionItem {
  const data = item.data as CompletionData | undefined;
  if (!data || item.documentation) return item;
  let value: string | undefined;
  switch (data.k) {
    case 'action': value = actionMarkdown(catalog, data.v); break;
    case 'pattern': value = patternMarkdown(catalog, data.v); break;
    case 'service': value = serviceMarkdown(catalog, data.v); break;
    case 'key': value = conditionKeyMarkdown(catalog, data.v); break;
    case 'operator': value = operatorMarkdown(data.v); break;
    case 'element': value = data.v === 'Effect' && data.t && POLICY_TYPES.includes(data.t) ? effectElementMarkdown(data.t) : ELEMENT_TEXTS[data.v]; break;
    case 'principal': value = principalMarkdown(data.t, data.v); break;
  }
  if (value) item.documentation = { kind: MarkupKind.Markdown, value };
  return item;
}
