// Plain-language Markdown explanations shared by hover and by completion documentation.
import type { AccessLevel, ActionResourceType, Catalog } from '../../core/catalog/catalog';
import { ACCESS_LEVELS } from '../../core/catalog/catalog';
import { missingKeyBehaviour, parseOperator, valuesCombination, SET_QUALIFIERS } from '../../core/operators';
import { escapeRegExp } from '../../core/arn';
import { roleFlowMarkdown } from './roleFlowTexts';
import { iamEntityMarkdown, iamEntityOf, iamEntityText } from './iamEntityTexts';
import * as l10n from '@vscode/l10n';
import { localizedAwsDocUrl } from '../../core/documentationLocale';
import { classifyAwsPrincipal, IDENTITY_PROVIDERS, SERVICE_PRINCIPALS } from '../../core/principals';
import { variablesIn } from '../validation/variableScanning';
import { escapeText, inlineCode } from './markdownText';

const IAM_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';

export const ELEMENT_TEXTS: Record<string, string> = {
  get Version() { return l10n.t('Which version of the policy language the document uses. Write `2012-10-17`: the older `2008-10-17` (and a missing Version) turns off policy variables, so `${aws:username}` would be taken literally.'); },
  get Id() { return l10n.t('An optional identifier for the policy. Some services (SQS, SNS) use it; identity policies should leave it out.'); },
  get Statement() { return l10n.t('The list of statements. Each statement allows or denies some actions on some resources, optionally under conditions. AWS evaluates them all: an explicit Deny anywhere beats any Allow, an Allow beats the default, and anything not allowed is implicitly denied.'); },
  get Sid() { return l10n.t('A label for the statement (letters and digits in IAM policies). It has no effect on access; use it to tell statements apart in reviews and in the outline.'); },
  get Effect() { return l10n.t('`Allow` grants the listed access; `Deny` refuses it. An explicit Deny always wins over any Allow from any policy, and a request that no statement allows is implicitly denied.'); },
  get Principal() { return l10n.t('Who the statement applies to: an account, IAM user or role, role session, AWS service, federated identity or `"*"` (everyone, including anonymous callers, unless a condition narrows it). Used in resource-based policies, role trust policies, RCPs and VPC endpoint policies; identity-based policies, permissions boundaries, session policies and SCPs have none: they apply to the identities (for SCPs, the accounts) they are attached to.'); },
  get NotPrincipal() { return l10n.t('Everyone **except** the listed principals. Only valid with `Deny`, and easy to get wrong: listing a role does not exempt its sessions unless the session ARN is listed too. Prefer `Principal: "*"` with an `aws:PrincipalArn` condition.'); },
  get Action() { return l10n.t('The actions the statement covers, as `service:Action` (case-insensitive). `*` and `?` are wildcards: `s3:Get*` covers every S3 action starting with Get, including ones AWS adds later.'); },
  get NotAction() { return l10n.t('Every action **except** the listed ones. With `Allow` this grants everything else, across all services, including actions added in the future: pair it with a narrow Resource or use it in Deny statements ("deny everything except ...").'); },
  get Resource() { return l10n.t('The resources the statement covers, as ARNs (wildcards `*` and `?` allowed in each part). An action only matches if the ARN fits one of its resource types; actions that have no resource types need `"*"`.'); },
  get NotResource() { return l10n.t('Every resource **except** the listed ones. With `Allow` it grants access to all other resources, including ones created later; it is most useful in Deny statements.'); },
  get Condition() { return l10n.t('Extra tests on the request. All operators must hold (AND), all keys under one operator must hold (AND), and several values for one key mean any of them (OR). A key missing from the request makes most tests false; see each operator.'); },
  get AWS() { return l10n.t('`AWS` principals: account IDs, account root ARNs, IAM users and roles, and role sessions.'); },
  get Service() { return l10n.t('`Service` principals: an AWS service acting on your behalf, named like `lambda.amazonaws.com`.'); },
  get Federated() { return l10n.t('`Federated` principals: users signed in through a SAML or OIDC identity provider, Amazon Cognito, or a public web identity provider.'); },
  get CanonicalUser() { return l10n.t('`CanonicalUser`: an S3 canonical user ID (S3 bucket policies only; prefer account IDs).'); },
};

export const VERSION_VALUE_TEXTS: Record<string, string> = {
  get '2012-10-17'() { return l10n.t('**2012-10-17**: the current policy language version. Policy variables such as `${aws:username}` work.'); },
  get '2008-10-17'() { return l10n.t('**2008-10-17**: an old version of the policy language. Policy variables are not substituted; use `2012-10-17`.'); },
};

/** The Service Authorization Reference link, and the same page in the display language where AWS publishes it. */
export function referenceLinks(url: string): string {
  const localized = localizedAwsDocUrl(url);
  const english = `[${l10n.t('Service Authorization Reference')}](${url})`;
  return localized ? `${english} · [${l10n.t('Service Authorization Reference (in this language)')}](${localized})` : english;
}

export function footer(catalog: Catalog): string {
  return `_${catalog.version.label}_`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function resourceTypeLine(rt: ActionResourceType): string {
  return `- \`${rt.name}\`${rt.required ? ` ${l10n.t('(required)')}` : ''}${rt.arnFormat ? `: \`${rt.arnFormat}\`` : ''}`;
}

/** Everything about one action: what it does, access level, resource types, condition keys, dependent actions. */
export function actionMarkdown(catalog: Catalog, fullName: string): string | undefined {
  const info = catalog.action(fullName);
  if (!info) return undefined;
  const out = [`**${info.fullName}** — ${info.accessLevels.join(', ') || l10n.t('no access level')}`, ''];
  const desc = catalog.actionDescription(info.fullName);
  if (desc) out.push(desc, '');
  const lesson = roleFlowMarkdown(info.fullName);
  if (lesson) out.push(lesson, '');
  if (info.resourceTypes.length) {
    out.push(l10n.t('Resource types (an ARN in Resource must fit one of these):'), ...info.resourceTypes.map(resourceTypeLine), '');
  } else {
    out.push(l10n.t('This action has no resource types: use `"Resource": "*"`.'), '');
  }
  const keys = [...new Set([...info.conditionKeys, ...info.resourceTypes.flatMap((r) => r.conditionKeys)])];
  if (keys.length) out.push(`${l10n.t('Condition keys:')} ${keys.slice(0, 12).map((k) => `\`${k}\``).join(', ')}${keys.length > 12 ? l10n.t(', and {0} more', keys.length - 12) : ''}`, '');
  if (info.dependentActions.length) out.push(`${l10n.t('Also needs permission for:')} ${info.dependentActions.map((a) => `\`${a}\``).join(', ')}`, '');
  out.push(referenceLinks(info.docUrl), '', footer(catalog));
  return out.join('\n');
}

/** A service: its name, action count and reference page. */
export function serviceMarkdown(catalog: Catalog, prefix: string): string | undefined {
  const s = catalog.service(prefix);
  return s && `**${s.name}** (\`${s.prefix}\`) — ${l10n.t('{0} actions', s.actionCount)}\n\n${referenceLinks(s.docUrl)}\n\n${footer(catalog)}`;
}

/** A wildcard action pattern: how many actions it covers, the first ones, and the access-level breakdown. */
export function patternMarkdown(catalog: Catalog, pattern: string): string {
  const actions = catalog.expandActions(pattern);
  if (!actions.length) return `**${inlineCode(pattern)}** ${l10n.t('matches no action in the catalog. Check the service prefix and the spelling.')}\n\n${footer(catalog)}`;
  const breakdown = catalog.accessLevelBreakdown(actions);
  const levels = ACCESS_LEVELS.filter((l: AccessLevel) => breakdown[l] > 0).map((l) => `${l} ${breakdown[l]}`).join(' · ');
  const shown = actions.slice(0, 10).map((a) => `- \`${a}\``);
  const out = [`**${inlineCode(pattern)}** ${actions.length === 1 ? l10n.t('matches 1 action') : l10n.t('matches {0} actions', actions.length)}`, '', levels, '', ...shown];
  if (actions.length > 10) out.push(`- ${l10n.t('… and {0} more', actions.length - 10)}`);
  out.push('', l10n.t('A wildcard also covers actions AWS adds later.'), '', footer(catalog));
  return out.join('\n');
}

/** A condition key: type, single or multi-valued, when AWS includes it, documentation link. */
export function conditionKeyMarkdown(catalog: Catalog, name: string): string | undefined {
  const info = catalog.conditionKey(name);
  if (!info) return undefined;
  const out = [`**${info.name}** — ${info.type}, ${info.multiValued ? l10n.t('multivalued (use ForAnyValue: or ForAllValues:)') : l10n.t('single-valued')}${info.global ? l10n.t(', global key') : ''}`, ''];
  const text = info.global ? catalog.globalKeyText(info.name) : undefined;
  const desc = text?.description && text.description.length > 2 ? text.description : catalog.conditionKeyDescription(info.name);
  if (desc) out.push(desc, '');
  if (text?.availability) out.push(`${l10n.t('When present:')} ${text.availability}`, '');
  if (text?.valueHint) out.push(`${l10n.t('Example value:')} ${text.valueHint}`, '');
  if (info.patterned) out.push(l10n.t('The part after the `/` is yours to choose (e.g. a tag key).'), '');
  out.push(`[${l10n.t('Documentation')}](${info.docUrl})`, '', footer(catalog));
  return out.join('\n');
}

/** A condition operator as written: its test, missing-key behaviour and how set operators treat empty values. */
export function operatorMarkdown(text: string): string | undefined {
  const p = parseOperator(text);
  if (!p.info) {
    if (SET_QUALIFIERS.some((q) => q.toLowerCase() === text.replace(/:$/, '').toLowerCase())) return qualifierText(text.replace(/:$/, ''));
    return undefined;
  }
  const out = [`**${escapeText(p.text)}** — ${p.info.family === 'Null' ? l10n.t('existence check') : l10n.t('{0} operator', p.info.family)}`, '', p.info.summary, ''];
  if (p.qualifier) out.push(qualifierText(p.qualifier), '');
  const combo = p.qualifier ? '' : valuesCombination(p);
  if (combo) out.push(combo, '');
  out.push(missingKeyBehaviour(p), '');
  if (p.problem) out.push(`⚠ ${p.problem}.`, '');
  if (p.info.variables) out.push(l10n.t('Policy variables such as `${aws:username}` are substituted in the values.'), '');
  out.push(`[${l10n.t('Condition operators')}](${IAM_DOC}reference_policies_elements_condition_operators.html)`);
  return out.join('\n');
}

function qualifierText(q: string): string {
  return q.toLowerCase() === 'forallvalues'
    ? l10n.t('**ForAllValues:** for multivalued keys: every value in the request must match one of the listed values. It is also true when the request has no values for the key, so an Allow with ForAllValues can match requests that carry nothing.')
    : l10n.t('**ForAnyValue:** for multivalued keys: at least one value in the request must match one of the listed values. False when the request has no values for the key.');
}

/** A principal value, by principal type (AWS / Service / Federated / CanonicalUser) or the bare `"*"`. */
export function principalMarkdown(type: string | undefined, value: string): string {
  if (value === '*') return l10n.t('**`*` — everyone**: any AWS account and, for resource policies, anonymous callers too. Narrow it with conditions such as `aws:PrincipalOrgID` or `aws:SourceAccount`, or name accounts instead.');
  if (type === 'Service') {
    const known = SERVICE_PRINCIPALS.find((s) => s.name === value);
    return `**${l10n.t('Service principal {0}', inlineCode(value))}**${known ? ` — ${known.use}` : ''}.\n\n${l10n.t('The service acts on your behalf. In resource policies, add `aws:SourceArn` or `aws:SourceAccount` conditions so the service only acts for your own resources (the confused-deputy problem).')}`;
  }
  if (type === 'Federated') {
    const idp = IDENTITY_PROVIDERS.find((p) => p.label === value || (p.kind !== 'oidc' && p.kind !== 'saml' && p.value === value))
      ?? (value.includes(':oidc-provider/token.actions.githubusercontent.com') ? IDENTITY_PROVIDERS[0]
        : value.includes(':oidc-provider/') ? IDENTITY_PROVIDERS[1] : value.includes(':saml-provider/') ? IDENTITY_PROVIDERS[2] : undefined);
    return idp ? `**${l10n.t('Federated principal')}** (${idp.kind.toUpperCase()}): ${idp.description}\n\n${l10n.t('Users of this provider assume the role with `{0}`.', idp.assumeAction)}` : l10n.t('**Federated principal {0}**: users signed in through an identity provider.', inlineCode(value));
  }
  if (type === 'CanonicalUser') return ELEMENT_TEXTS.CanonicalUser;
  const c = classifyAwsPrincipal(value);
  const cross = l10n.t('If this is another account, that account must also allow the access in its own identity policies: a resource policy alone is not enough for IAM users and roles of another account.');
  switch (c.kind) {
    case 'account':
    case 'root':
      return `${l10n.t('**Account {0}** — the whole account, not just its root user. Any user or role in it can be granted the access by that account\'s own policies.', inlineCode(c.account ?? ''))}\n\n${cross}`;
    case 'user':
      return `${l10n.t('**IAM user {0}** in account {1}. The user must exist when the policy is saved (AWS stores its unique ID).', inlineCode(c.name ?? ''), inlineCode(c.account ?? ''))}\n\n${iamEntityText('user')}\n\n${cross}`;
    case 'role':
      return `${l10n.t('**IAM role {0}** in account {1}: covers every session of the role. If the role is deleted and recreated, the policy must be saved again (AWS stores its unique ID).', inlineCode(c.name ?? ''), inlineCode(c.account ?? ''))}\n\n${iamEntityText('role')}\n\n${cross}`;
    case 'assumed-role':
      return l10n.t('**Role session** of {0} in account {1}: only the named session, not the role in general.', inlineCode(c.name ?? ''), inlineCode(c.account ?? ''));
    case 'federated-user':
      return l10n.t('**Federated user** {0} (a GetFederationToken session) in account {1}.', inlineCode(c.name ?? ''), inlineCode(c.account ?? ''));
    default:
      if (iamEntityOf(value)?.kind === 'group') return `${l10n.t('**IAM group {0}** cannot be a principal.', inlineCode(iamEntityOf(value)!.name))}\n\n${iamEntityText('group')}`;
      return l10n.t('**AWS principal {0}**: an account ID (12 digits), `arn:aws:iam::<account>:root`, a user, role or role-session ARN. Wildcards are not allowed inside a principal ARN.', inlineCode(value));
  }
}

const SPECIAL_VARIABLES: Record<string, string> = {
  get '*'() { return l10n.t('`${*}` stands for a literal `*` character, so it is not taken as a wildcard.'); },
  get '?'() { return l10n.t('`${?}` stands for a literal `?` character.'); },
  get '$'() { return l10n.t('`${$}` stands for a literal `$` character.'); },
};

/** A policy variable such as `${aws:username}` or `${aws:PrincipalTag/team, 'none'}`. */
export function variableMarkdown(catalog: Catalog, inner: string): string {
  if (SPECIAL_VARIABLES[inner]) return `**${l10n.t('Policy variable')} \`\${${inner}}\`**\n\n${SPECIAL_VARIABLES[inner]}`;
  const m = /^\s*([^,\s]+)\s*(?:,\s*'([^']*)'\s*)?$/.exec(inner);
  const key = m?.[1] ?? inner;
  const def = m?.[2];
  const info = catalog.conditionKey(key);
  const out = [`**${l10n.t('Policy variable {0}', inlineCode(`\${${inner}}`))}**`, ''];
  out.push(info ? l10n.t('When AWS evaluates the policy it replaces the variable with the request\'s value of {0} ({1}).', inlineCode(key), info.type) : l10n.t('When AWS evaluates the policy it replaces the variable with the request\'s value of {0}.', inlineCode(key)));
  if (def !== undefined) out.push(l10n.t('If the request has no value for the key, {0} is used instead.', inlineCode(`'${def}'`)));
  else out.push(l10n.t('If the request has no value for the key, the whole string does not match (write {0} to supply a fallback).', inlineCode(`\${${key}, 'default'}`)));
  if (info?.multiValued) out.push('', `⚠ ${l10n.t('This key is multivalued: policy variables only work with single-valued keys.')}`);
  if (!info) out.push('', l10n.t('{0} is not a condition key the catalog knows.', inlineCode(key)));
  out.push('', l10n.t('Variables need `"Version": "2012-10-17"` and work in the resource part of ARNs and in String or ARN condition values.'));
  out.push('', `[${l10n.t('Policy variables')}](${IAM_DOC}reference_policies_variables.html)`);
  return out.join('\n');
}

const arnPartNames = (): string[] => [l10n.t('partition'), l10n.t('service'), l10n.t('region'), l10n.t('account'), l10n.t('resource')];

/** The five parts of an ARN or ARN format: partition, service, region, account and the resource (which may hold colons). */
function arnParts(arn: string): string[] {
  const parts = arn.split(':');
  return [...parts.slice(1, 5), parts.slice(5).join(':')];
}

/** The values a template's `${Name}` variables take in a concrete resource part, or undefined when it does not fit. */
function templateValues(template: string, value: string): [string, string][] | undefined {
  const pieces = template.split(/\$\{([^}]+)\}/);
  const names = pieces.filter((_, i) => i % 2 === 1);
  // lazy groups backtrack on a value that does not fit: long values (IAM allows 2,048 characters) go unsplit
  if (!names.length || value.length > 512) return names.length ? undefined : [];
  const src = pieces.map((p, i) => (i % 2 === 0 ? escapeRegExp(p) : i === pieces.length - 2 ? '(.*)' : '(.*?)')).join('');
  const m = new RegExp(`^${src}$`, 's').exec(value);
  return m ? names.map((n, i) => [n, m[i + 1]]) : undefined;
}

const shown = (v: string) => (v ? inlineCode(v) : l10n.t('_(empty)_'));

/**
 * Each part of an ARN format next to what this ARN has there:
 * `- account \`${Account}\`: \`123456789012\``, `- resource \`role/${RoleNameWithPath}\`: \`role/App\`, RoleNameWithPath = \`App\``.
 */
export function arnPartsMarkdown(format: string, arn: string): string[] {
  const t = arnParts(format);
  const a = arnParts(arn);
  const partNames = arnPartNames();
  return t.map((tp, i) => {
    const value = a[i] ?? '';
    if (!tp.includes('${')) return tp === value || (!tp && !value) ? `- ${partNames[i]}: ${shown(value)}` : `- ${partNames[i]} ${shown(tp)}: ${shown(value)}`;
    const vars = i === 4 ? templateValues(tp, value) : undefined;
    const names = vars?.length && !(vars.length === 1 && tp === `\${${vars[0][0]}}`) ? `, ${vars.map(([n, v]) => `${n} = ${shown(v)}`).join(', ')}` : '';
    return `- ${partNames[i]} ${shown(tp)}: ${shown(value)}${value === '*' ? ` ${l10n.t('(any)')}` : ''}${names}`;
  });
}

/** The resource types a resource ARN can name, for the statement's actions. */
export function resourceMarkdown(catalog: Catalog, arn: string, actions: string[]): string {
  if (arn === '*') {
    const only = actions.filter((a) => catalog.actionSupportsOnlyStar(a));
    const listed = `${only.slice(0, 5).map((a) => `\`${a}\``).join(', ')}${only.length > 5 ? ', …' : ''}`;
    const onlyStar = !only.length ? '' : only.length === 1 ? l10n.t('1 action here supports only `*`: {0}.', listed) : l10n.t('{0} actions here support only `*`: {1}.', only.length, listed);
    return `**${l10n.t('`*` — every resource')}**${onlyStar ? `\n\n${onlyStar}` : ''}\n\n${l10n.t('Prefer specific ARNs where the actions allow them.')}`;
  }
  const matches = new Map<string, { rt: ActionResourceType; actions: string[] }>();
  for (const a of actions.slice(0, 500)) {
    for (const rt of catalog.matchingResourceTypes(a, arn)) {
      const k = `${rt.name}|${rt.arnFormat}`;
      const m = matches.get(k);
      if (m) m.actions.push(a); else matches.set(k, { rt, actions: [a] });
    }
  }
  const svc = arn.split(':')[2];
  if (!matches.size && svc) {
    for (const rt of catalog.resourceTypesOfService(svc)) {
      if (catalog.arnMatchesFormat(arn, rt.arnFormat)) matches.set(`${rt.name}|${rt.arnFormat}`, { rt: { ...rt, required: false }, actions: [] });
    }
  }
  const out = [`**${l10n.t('Resource')} ${inlineCode(arn)}**`, ''];
  const entity = iamEntityMarkdown(arn);
  if (entity) out.push(entity, '');
  if (!matches.size) out.push(actions.length ? l10n.t('No resource type of the statement\'s actions fits this ARN.') : l10n.t('No resource type in the catalog fits this ARN.'));
  for (const { rt, actions: as } of [...matches.values()].slice(0, 5)) {
    const named = as.slice(0, 3).map((a) => `\`${a}\``).join(', ');
    const heading = !as.length ? l10n.t('Resource type {0}:', `\`${rt.name}\``)
      : as.length > 3 ? l10n.t('Resource type {0} (for {1} and {2} more):', `\`${rt.name}\``, named, as.length - 3)
        : l10n.t('Resource type {0} (for {1}):', `\`${rt.name}\``, named);
    out.push(heading, '', `\`${rt.arnFormat}\``, '', l10n.t('This ARN, part by part:'), ...arnPartsMarkdown(rt.arnFormat, arn), '');
  }
  const vars = variablesIn(arn).filter((v) => v.closed).map((v) => v.text);
  if (vars.length) out.push(l10n.t('Policy variables: {0} — replaced with request values at evaluation time.', `${vars.slice(0, 10).map(inlineCode).join(', ')}${vars.length > 10 ? ', …' : ''}`), '');
  if (/[*?]/.test(arn)) out.push(l10n.t('`*` and `?` are wildcards within each part of the ARN.'));
  return out.join('\n').trimEnd();
}
