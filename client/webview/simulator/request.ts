// The Request section: principal (with a helper that fills in each kind), action and resource with suggestions,
// resource account, session issuer, expected decision and scenario name.
import { DECISIONS } from '../../src/simulator/state';
import { labelled, select, suggestionList, textField } from './controls';
import { h } from './dom';
import { changed, post, state, store } from './store';
import { tx } from './l10n';

const PRINCIPALS: { value: string; label: string; arn: (account: string) => string }[] = [
  { value: 'user', label: 'IAM user', arn: (a) => `arn:aws:iam::${a}:user/alice` },
  { value: 'role', label: tx('Role session'), arn: (a) => `arn:aws:sts::${a}:assumed-role/app-role/session-1` },
  { value: 'root', label: tx('Account root user'), arn: (a) => `arn:aws:iam::${a}:root` },
  { value: 'federated', label: tx('Federated user'), arn: (a) => `arn:aws:sts::${a}:federated-user/bob` },
  { value: 'service', label: 'AWS service', arn: () => 'lambda.amazonaws.com' },
  { value: 'anonymous', label: tx('Anonymous'), arn: () => 'anonymous' },
];

let actionList: HTMLDataListElement | undefined;
let resourceList: HTMLDataListElement | undefined;

export function renderRequest(): void {
  const s = state();
  const r = s.request;
  const principal = textField(r.principal, (v) => { r.principal = v; changed(); }, { id: 'principal' });
  const helper = select([{ value: '', label: tx('Fill in…') }, ...PRINCIPALS], '', (value, el) => {
    const kind = PRINCIPALS.find((p) => p.value === value);
    if (!kind) return;
    const account = (/\d{12}/.exec(r.principal) ?? ['111122223333'])[0];
    r.principal = principal.value = kind.arn(account);
    el.value = '';
    changed();
  }, { id: 'principal-kind', label: tx('Principal kind') });
  const action = textField(r.action, (v) => {
    r.action = v; changed();
    post({ type: 'suggestActions', id: ++store.suggestId, text: v });
  }, { id: 'action', placeholder: 's3:GetObject', autocomplete: 'off' });
  actionList = suggestionList(action, 'action-suggestions');
  const resource = textField(r.resource, (v) => { r.resource = v; changed(); }, { id: 'resource', placeholder: 'arn:aws:s3:::bucket/key', autocomplete: 'off' });
  resourceList = suggestionList(resource, 'resource-templates');
  const account = textField(r.resourceAccount, (v) => { r.resourceAccount = v; changed(); }, { id: 'resource-account', placeholder: '111122223333' });
  const issuer = textField(r.sessionIssuer, (v) => { r.sessionIssuer = v; changed(); }, { id: 'session-issuer', placeholder: 'arn:aws:iam::111122223333:user/bob' });
  const assume = textField(r.assumeRole, (v) => { r.assumeRole = v; changed(); }, { id: 'assume-role', placeholder: 'role/ReadOnlyRole' });
  const pass = textField(r.passRole, (v) => { r.passRole = v; changed(); }, { id: 'pass-role', placeholder: 'role/service-role/LambdaServiceRole' });
  const expected = select([{ value: '', label: tx('(none)') }, ...DECISIONS.map((d) => ({ value: d, label: d }))], s.expected,
    (value) => { s.expected = value === '' ? '' : DECISIONS.find((d) => d === value) ?? ''; changed(); }, { id: 'expected' });
  const name = textField(s.name, (v) => { s.name = v; changed(); }, { id: 'scenario-name', placeholder: 'app role reads a report' });
  document.getElementById('request')?.replaceChildren(h('h2', {}, tx('Request')),
    h('div', { className: 'row principal' }, labelled(tx('Principal'), principal, tx('user, role session, root, federated user ARN, service principal, or anonymous')), labelled(tx('Helper'), helper)),
    labelled(tx('Action'), action, tx('type a service prefix for suggestions')),
    labelled(tx('Resource'), resource, tx('ARN templates of the action are suggested')),
    labelled(tx('Resource account'), account, tx('owner of the resource when its ARN has no account (S3)')),
    labelled(tx('Session issuer'), issuer, tx('optional: the IAM user who created a federated-user session (GetFederationToken)')),
    h('div', { className: 'row' },
      labelled(tx('Assume roles'), assume, tx('with a model: roles assumed in turn before the action, separated by commas')),
      labelled(tx('Pass role'), pass, tx('with a model: the role the action hands to its service (iam:PassRole)'))),
    h('div', { className: 'row' }, labelled(tx('Expected decision'), expected), labelled(tx('Scenario name'), name)));
  fillTemplates();
}

/** the resource field's suggestions: the ARN templates of the action's resource types */
export function fillTemplates(): void {
  if (!resourceList || !store.response) return;
  resourceList.replaceChildren(...store.response.resourceTemplates.map((t) => h('option', { value: t })));
}

export function fillActionSuggestions(items: string[]): void {
  actionList?.replaceChildren(...items.map((a) => h('option', { value: a })));
}
