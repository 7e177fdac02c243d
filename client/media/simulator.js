// The Simulate Request webview: renders the panel state and the last evaluation, and sends every edit to the
// extension. No remote resources; DOM built with createElement/textContent only (policy text is never parsed as HTML).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { validateHostMessage, validateState } = globalThis.IamSimProtocol;
  // the labels in the display language, embedded by the extension (client/src/simulator/webviewTexts.ts); English otherwise
  const L10N = (() => {
    try { return JSON.parse(document.getElementById('iam-l10n')?.textContent || '{}'); } catch { return {}; }
  })();
  const t = (text) => (typeof L10N[text] === 'string' ? L10N[text] : text);

  const SLOTS = [
    { slot: 'identity', field: 'identityPolicies', label: t('Identity policies'), many: true, help: t('policies attached to the user or role (and the user\'s groups)') },
    { slot: 'resource', field: 'resourcePolicy', label: t('Resource-based policy'), many: false, help: t('bucket, key, queue or role trust policy') },
    { slot: 'boundary', field: 'permissionBoundaries', label: t('Permissions boundary'), many: false, help: t('caps what identity policies can allow') },
    { slot: 'session', field: 'sessionPolicy', label: t('Session policy'), many: false, help: t('passed when the session was created') },
  ];
  const LEVELS = [
    { slot: 'scp', field: 'scps', label: t('Service control policies (SCPs)'), help: t('one level per root, OU and account; every level must allow') },
    { slot: 'rcp', field: 'rcps', label: t('Resource control policies (RCPs)'), help: t('RCPFullAWSAccess is implied at every level') },
  ];
  const LANES = [
    ['identity', t('Identity policies')], ['resource', t('Resource-based policy')], ['boundary', t('Permissions boundary')],
    ['session', t('Session policy')], ['scp', 'SCPs'], ['rcp', 'RCPs'],
  ];
  const PRINCIPALS = [
    ['user', 'IAM user', (a) => `arn:aws:iam::${a}:user/alice`],
    ['role', t('Role session'), (a) => `arn:aws:sts::${a}:assumed-role/app-role/session-1`],
    ['root', t('Account root user'), (a) => `arn:aws:iam::${a}:root`],
    ['federated', t('Federated user'), (a) => `arn:aws:sts::${a}:federated-user/bob`],
    ['service', 'AWS service', () => 'lambda.amazonaws.com'],
    ['anonymous', t('Anonymous'), () => 'anonymous'],
  ];
  const PLACEHOLDER = {
    Bool: 'true or false', Numeric: 'a number', Date: '2026-01-01T00:00:00Z', IPAddress: '203.0.113.10', ARN: 'arn:aws:…',
  };

  let state = null;
  let response = null;
  let suggestId = 0;
  const app = document.getElementById('app');

  // ---------------------------------------------------------------- helpers

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'className') el.className = v;
      else if (k === 'value') el.value = v;
      else if (k === 'checked') el.checked = !!v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }
  let uid = 0;
  const id = (p) => `${p}-${++uid}`;
  const fileName = (uri) => { const s = uri.replace(/[?#].*$/, ''); try { return decodeURIComponent(s.slice(s.lastIndexOf('/') + 1)); } catch { return s.slice(s.lastIndexOf('/') + 1); } };
  const policyName = (p) => p.name || (p.uri ? (response && response.policyNames[p.uri]) || fileName(p.uri) : 'inline policy');

  function changed() {
    vscode.setState(state);
    vscode.postMessage({ type: 'update', state });
  }

  function labelled(labelText, input, hint) {
    const inputId = input.id || (input.id = id('f'));
    const hintId = hint ? id('hint') : undefined;
    if (hintId) input.setAttribute('aria-describedby', hintId);
    return h('div', { className: 'field' }, h('label', { for: inputId }, labelText), input, hint ? h('span', { className: 'hint', id: hintId }, hint) : null);
  }

  // ---------------------------------------------------------------- policies

  function policyRow(p, onRemove) {
    const check = h('input', { type: 'checkbox', checked: p.enabled, 'aria-label': `Use ${policyName(p)}`, onchange: (e) => { p.enabled = e.target.checked; changed(); } });
    const name = p.uri
      ? h('button', { className: 'link', title: `Open ${p.uri}`, onclick: () => vscode.postMessage({ type: 'openPolicy', uri: p.uri }) }, policyName(p))
      : h('span', { title: 'inline policy from a scenario file' }, policyName(p));
    const remove = h('button', { className: 'icon', 'aria-label': `Remove ${policyName(p)}`, title: t('Remove'), onclick: onRemove }, '✕');
    return h('li', { className: p.enabled ? '' : 'off' }, check, name, remove);
  }

  function renderSlot(def) {
    const value = state[def.field];
    const list = Array.isArray(value) ? value : value ? [value] : [];
    const fs = h('fieldset', { className: 'slot' }, h('legend', {}, def.label));
    fs.append(h('p', { className: 'hint' }, def.help));
    const ul = h('ul', { className: 'policies', 'aria-label': def.label });
    list.forEach((p, i) => ul.append(policyRow(p, () => {
      if (def.many) state[def.field].splice(i, 1);
      else state[def.field] = Array.isArray(state[def.field]) ? [] : null;
      changed(); renderPolicies(`add-${def.slot}`);
    })));
    if (!list.length) ul.append(h('li', { className: 'empty' }, 'none'));
    fs.append(ul, h('button', { id: `add-${def.slot}`, onclick: () => vscode.postMessage({ type: 'addPolicies', slot: def.slot }) }, def.many ? t('Add…') : list.length ? t('Replace…') : t('Choose…')));
    return fs;
  }

  function renderLevels(def) {
    const fs = h('fieldset', { className: 'slot' }, h('legend', {}, def.label), h('p', { className: 'hint' }, def.help));
    state[def.field].forEach((level, li) => {
      const box = h('div', { className: `level ${level.enabled ? '' : 'off'}` });
      const check = h('input', { type: 'checkbox', checked: level.enabled, 'aria-label': `Use level ${level.orgIdentifier}`, onchange: (e) => { level.enabled = e.target.checked; changed(); } });
      const org = h('input', { type: 'text', value: level.orgIdentifier, 'aria-label': t('Organization level (r-…, ou-…, or account ID)'), oninput: (e) => { level.orgIdentifier = e.target.value; changed(); } });
      const ul = h('ul', { className: 'policies' });
      level.policies.forEach((p, pi) => ul.append(policyRow(p, () => { level.policies.splice(pi, 1); changed(); renderPolicies(`add-${def.slot}-${li}`); })));
      box.append(h('div', { className: 'row' }, check, org,
        h('button', { className: 'icon', 'aria-label': `Remove level ${level.orgIdentifier}`, title: t('Remove level'), onclick: () => { state[def.field].splice(li, 1); changed(); renderPolicies(`level-${def.slot}`); } }, '✕')),
      ul, h('button', { id: `add-${def.slot}-${li}`, onclick: () => vscode.postMessage({ type: 'addPolicies', slot: def.slot, level: li }) }, t('Add policies…')));
      fs.append(box);
    });
    fs.append(h('button', { id: `level-${def.slot}`, onclick: () => {
      const n = state[def.field].length;
      state[def.field].push({ orgIdentifier: n === 0 ? 'r-root' : `ou-level-${n}`, enabled: true, policies: [] });
      changed(); renderPolicies(`add-${def.slot}-${n}`);
    } }, t('Add level')));
    return fs;
  }

  function renderPolicies(focusId) {
    const host = document.getElementById('policies');
    if (!host) return;
    host.replaceChildren(h('h2', {}, t('Policies')), ...SLOTS.map(renderSlot), ...LEVELS.map(renderLevels));
    if (focusId) { const el = document.getElementById(focusId); if (el) el.focus(); }
  }

  // ---------------------------------------------------------------- request and context

  function renderRequest() {
    const r = state.request;
    const principal = h('input', { id: 'principal', type: 'text', value: r.principal, spellcheck: 'false', oninput: (e) => { r.principal = e.target.value; changed(); } });
    const helper = h('select', { id: 'principal-kind', 'aria-label': t('Principal kind'), onchange: (e) => {
      const kind = PRINCIPALS.find((p) => p[0] === e.target.value);
      if (!kind) return;
      const account = (/\d{12}/.exec(r.principal) || ['111122223333'])[0];
      r.principal = principal.value = kind[2](account);
      e.target.value = '';
      changed();
    } }, h('option', { value: '' }, t('Fill in…')), ...PRINCIPALS.map((p) => h('option', { value: p[0] }, p[1])));
    const actionList = h('datalist', { id: 'action-suggestions' });
    const action = h('input', { id: 'action', type: 'text', value: r.action, list: 'action-suggestions', spellcheck: 'false', autocomplete: 'off', placeholder: 's3:GetObject',
      oninput: (e) => { r.action = e.target.value; changed(); vscode.postMessage({ type: 'suggestActions', id: ++suggestId, text: r.action }); } });
    const resourceList = h('datalist', { id: 'resource-templates' });
    const resource = h('input', { id: 'resource', type: 'text', value: r.resource, list: 'resource-templates', spellcheck: 'false', placeholder: 'arn:aws:s3:::bucket/key',
      oninput: (e) => { r.resource = e.target.value; changed(); } });
    const account = h('input', { id: 'resource-account', type: 'text', value: r.resourceAccount, inputmode: 'numeric', placeholder: '111122223333',
      oninput: (e) => { r.resourceAccount = e.target.value; changed(); } });
    const issuer = h('input', { id: 'session-issuer', type: 'text', value: r.sessionIssuer || '', spellcheck: 'false', placeholder: 'arn:aws:iam::111122223333:user/bob',
      oninput: (e) => { r.sessionIssuer = e.target.value; changed(); } });
    const expected = h('select', { id: 'expected', onchange: (e) => { state.expected = e.target.value; changed(); } },
      h('option', { value: '' }, t('(none)')), ...['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied'].map((d) => h('option', { value: d }, d)));
    expected.value = state.expected;
    const name = h('input', { id: 'scenario-name', type: 'text', value: state.name, placeholder: 'app role reads a report', oninput: (e) => { state.name = e.target.value; changed(); } });
    const sec = document.getElementById('request');
    sec.replaceChildren(h('h2', {}, t('Request')),
      h('div', { className: 'row principal' }, labelled(t('Principal'), principal, t('user, role session, root, federated user ARN, service principal, or anonymous')), labelled(t('Helper'), helper)),
      labelled(t('Action'), action, t('type a service prefix for suggestions')), actionList,
      labelled(t('Resource'), resource, t('ARN templates of the action are suggested')), resourceList,
      labelled(t('Resource account'), account, t('owner of the resource when its ARN has no account (S3)')),
      labelled(t('Session issuer'), issuer, t('optional: the IAM user who created a federated-user session (GetFederationToken)')),
      h('div', { className: 'row' }, labelled(t('Expected decision'), expected), labelled(t('Scenario name'), name)));
    fillTemplates();
  }

  function valueInput(row, label) {
    const on = (v) => { row.value = v; row.enabled = v !== ''; const c = document.getElementById(`use-${cssId(row.key)}`); if (c) c.checked = row.enabled; changed(); };
    if (row.type === 'Bool' || row.type === 'ArrayOfBool') {
      const s = h('select', { 'aria-label': label, onchange: (e) => on(e.target.value) }, h('option', { value: '' }, '(not set)'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
      s.value = row.value === 'true' || row.value === 'false' ? row.value : '';
      return s;
    }
    const base = row.type.replace(/^ArrayOf/, '');
    const placeholder = row.type.startsWith('ArrayOf') ? `comma-separated ${base} values` : PLACEHOLDER[base] || '';
    return h('input', { type: base === 'Numeric' && !row.type.startsWith('ArrayOf') ? 'number' : 'text', value: row.value, placeholder, 'aria-label': label, spellcheck: 'false', oninput: (e) => on(e.target.value) });
  }
  const cssId = (k) => k.replace(/[^A-Za-z0-9_-]/g, '_');

  function renderContext(focusKey) {
    const sec = document.getElementById('context');
    const table = h('table', { className: 'context' },
      h('caption', {}, t('Request context: the keys the chosen policies reference for this action are listed; type a value to send it.')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('Send')), h('th', { scope: 'col' }, t('Key')), h('th', { scope: 'col' }, t('Type')), h('th', { scope: 'col' }, t('Value')), h('th', { scope: 'col' }, h('span', { className: 'sr-only' }, t('Remove'))))));
    const body = h('tbody');
    state.context.forEach((row, i) => {
      const use = h('input', { type: 'checkbox', id: `use-${cssId(row.key)}`, checked: row.enabled, 'aria-label': `Send ${row.key}`, onchange: (e) => { row.enabled = e.target.checked; changed(); } });
      const info = response && response.contextKeys.find((k) => k.name === row.key);
      body.append(h('tr', {},
        h('td', {}, use),
        h('td', { title: info && info.description ? info.description : '' }, h('code', {}, row.key)),
        h('td', {}, row.type),
        h('td', {}, valueInput(row, `Value of ${row.key}`)),
        h('td', {}, h('button', { className: 'icon', 'aria-label': `Remove ${row.key}`, title: t('Remove'), onclick: () => { state.context.splice(i, 1); changed(); renderContext(); } }, '✕'))));
    });
    if (!state.context.length) body.append(h('tr', {}, h('td', { colspan: '5', className: 'empty' }, t('The chosen policies reference no condition keys for this action.'))));
    table.append(body);
    const newKey = h('input', { id: 'new-key', type: 'text', placeholder: 'aws:SourceIp', spellcheck: 'false' });
    const add = () => {
      const key = newKey.value.trim();
      if (!key || state.context.some((r) => r.key === key)) return;
      const info = response && response.contextKeys.find((k) => k.name.toLowerCase() === key.toLowerCase());
      state.context.push({ key, type: info ? info.type : 'String', value: '', enabled: false });
      changed(); renderContext(key);
    };
    newKey.addEventListener('keydown', (e) => { if (e.key === 'Enter') add(); });
    const derived = response && response.result ? Object.entries(response.result.derivedContext) : [];
    sec.replaceChildren(h('h2', {}, t('Context keys')), table,
      h('div', { className: 'row' }, labelled(t('Add a key'), newKey), h('button', { onclick: add }, t('Add'))),
      derived.length ? h('details', { className: 'derived', open: true }, h('summary', {}, `Derived by the simulator (${derived.length})`),
        h('ul', {}, ...derived.map(([k, v]) => h('li', {}, h('code', {}, k), ' = ', h('code', {}, Array.isArray(v) ? v.join(', ') : String(v)), ' ',
          state.context.some((r) => r.key === k) ? h('span', { className: 'hint' }, '(overridden)') : h('button', { className: 'small', 'aria-label': `Override ${k}`, onclick: () => {
            const info = response.contextKeys.find((x) => x.name === k);
            state.context.push({ key: k, type: info ? info.type : Array.isArray(v) ? 'ArrayOfString' : 'String', value: Array.isArray(v) ? v.join(', ') : String(v), enabled: true });
            changed(); renderContext(k);
          } }, t('Override')))))) : null);
    if (focusKey) { const el = document.getElementById(`use-${cssId(focusKey)}`); if (el) el.closest('tr').querySelector('td:nth-child(4) input, td:nth-child(4) select').focus(); }
  }

  /** Rows for the keys the policies reference that the table does not have yet (off until a value is typed). */
  function mergeContextKeys() {
    if (!response) return false;
    let added = false;
    for (const k of response.contextKeys) {
      const row = state.context.find((r) => r.key.toLowerCase() === k.name.toLowerCase());
      if (!row) { state.context.push({ key: k.name, type: k.type, value: '', enabled: false }); added = true; }
      else if (row.type !== k.type && row.type === 'String') { row.type = k.type; added = true; }
    }
    return added;
  }

  function fillTemplates() {
    const list = document.getElementById('resource-templates');
    if (!list || !response) return;
    list.replaceChildren(...response.resourceTemplates.map((t) => h('option', { value: t })));
  }

  // ---------------------------------------------------------------- result

  const DECISION_TEXT = { Allowed: t('Allowed'), ExplicitlyDenied: t('Explicitly denied'), ImplicitlyDenied: t('Implicitly denied') };
  const same = (a, b) => a.policyType === b.policyType && a.policy === b.policy && a.index === b.index && a.file === b.file;

  function statementItem(s, deciding) {
    const label = `${s.effect} ${s.sid ? `"${s.sid}"` : `statement ${s.index + 1}`} in ${s.policy}`;
    const head = s.file && s.range
      ? h('button', { className: 'link statement', title: t('Reveal in the editor'), onclick: () => vscode.postMessage({ type: 'reveal', uri: s.file, range: s.range }) }, label)
      : h('span', { className: 'statement' }, label);
    return h('li', { className: `stmt ${s.effect === 'Deny' ? 'deny' : 'allow'} ${deciding ? 'deciding' : ''}` },
      deciding ? h('span', { className: 'tag' }, 'decided') : null, head, s.reason ? h('div', { className: 'why' }, s.reason) : null);
  }

  function renderResult() {
    const sec = document.getElementById('result');
    if (!response) { sec.replaceChildren(h('h2', {}, t('Result')), h('p', {}, t('Evaluating…'))); return; }
    const parts = [h('h2', {}, t('Result'))];
    const r = response.result;
    if (r) {
      const badge = h('div', { id: 'decision', className: `badge ${r.decision}`, role: 'status' }, DECISION_TEXT[r.decision]);
      parts.push(h('div', { className: 'row' }, badge,
        r.expected ? h('span', { id: 'expectation', className: r.pass ? 'pass' : 'fail' }, r.pass ? `as expected (${r.expected})` : `expected ${r.expected}`) : null));
    }
    if (!response.actionKnown && state.request.action.trim()) parts.push(h('p', { className: 'warn' }, `${state.request.action.trim()} is not an action in the catalog: check the spelling.`));
    const errors = [...response.errors, ...(r && r.errors ? r.errors : [])];
    if (errors.length) parts.push(h('ul', { className: 'errors', 'aria-label': t('Problems') }, ...errors.map((e) => h('li', {}, e))));
    if (r) {
      const decidedList = h('ul', { id: 'deciding', className: 'statements' }, ...r.matchedStatements.map((m) => {
        const detail = (r.statements || []).find((s) => same(s, m)) || m;
        return statementItem(detail, true);
      }));
      // an implicit deny is decided by what is missing: statements that apply are shown in their lanes, not as deciding
      const noneDecided = r.decision === 'ImplicitlyDenied' && (r.statements || []).some((s) => s.applies)
        ? t('No statement decides an implicit deny: what applies is not enough on its own (see Why).')
        : r.decision === 'Allowed' ? t('No statement was needed (see Why).') : t('No statement applies: nothing allows the request.');
      parts.push(h('h3', {}, t('Deciding statements')), r.matchedStatements.length ? decidedList : h('p', { className: 'hint' }, noneDecided));
      const lanes = h('div', { className: 'lanes' });
      const idle = LANES.filter(([type]) => r.policyTypes[type] === 'NotApplicable' && !(r.statements || []).some((s) => s.policyType === type));
      for (const [type, label] of LANES) {
        const outcome = r.policyTypes[type];
        if (outcome === undefined || idle.some(([t]) => t === type)) continue;
        const applied = (r.statements || []).filter((s) => s.policyType === type && s.applies);
        const notApplied = (r.statements || []).filter((s) => s.policyType === type && !s.applies);
        lanes.append(h('section', { className: `lane ${outcome}`, 'aria-label': `${label}: ${outcome}` },
          h('h4', {}, label, ' ', h('span', { className: `outcome ${outcome}` }, outcome)),
          applied.length ? h('ul', { className: 'statements' }, ...applied.map((s) => statementItem(s, r.matchedStatements.some((m) => same(m, s))))) : null,
          notApplied.length ? h('details', {}, h('summary', {}, `${notApplied.length} statement(s) did not apply`), h('ul', { className: 'statements' }, ...notApplied.map((s) => statementItem(s, false)))) : null));
      }
      if (idle.length) lanes.append(h('p', { className: 'hint' }, `Not applicable (no policies of these types): ${idle.map(([, label]) => label).join(', ')}.`));
      parts.push(h('h3', {}, t('Policy types')), lanes);
      if (r.missingContextKeys.length) {
        parts.push(h('h3', {}, t('Missing context keys')), h('p', { className: 'hint' }, t('Referenced by applicable statements, not in the request and not derivable; conditions on them were evaluated as absent.')),
          h('ul', { id: 'missing' }, ...r.missingContextKeys.map((k) => h('li', {}, h('code', {}, k)))));
      }
      parts.push(h('h3', {}, t('Why')), h('ol', { className: 'explanation' }, ...r.explanation.map((e) => h('li', {}, e))));
    }
    sec.replaceChildren(...parts);
  }

  function renderAll() {
    app.replaceChildren(
      h('header', {}, h('h1', {}, t('Simulate Request')),
        h('div', { className: 'actions' },
          h('button', { onclick: () => vscode.postMessage({ type: 'openScenario' }) }, t('Open Scenario…')),
          h('button', { onclick: () => vscode.postMessage({ type: 'saveScenario' }) }, t('Save Scenario…')))),
      h('div', { id: 'notice', role: 'alert' }),
      h('div', { className: 'columns' },
        h('div', { className: 'form' }, h('section', { id: 'policies', 'aria-label': t('Policies') }), h('section', { id: 'request', 'aria-label': t('Request') }), h('section', { id: 'context', 'aria-label': t('Context keys') })),
        h('section', { id: 'result', 'aria-label': t('Result'), 'aria-live': 'polite' })));
    renderPolicies();
    renderRequest();
    renderContext();
    renderResult();
  }

  function notice(level, message) {
    const el = document.getElementById('notice');
    if (!el) return;
    el.className = level;
    el.textContent = message;
    clearTimeout(notice.timer);
    notice.timer = setTimeout(() => { el.textContent = ''; el.className = ''; }, level === 'error' ? 10000 : 4000);
  }

  // ---------------------------------------------------------------- messages

  window.addEventListener('message', (event) => {
    let m;
    try { m = validateHostMessage(event.data); } catch (e) { console.warn(`simulator: ignored a malformed message: ${e.message}`); return; }
    switch (m.type) {
      case 'state':
        state = m.state;
        vscode.setState(state);
        renderAll();
        break;
      case 'result': {
        response = m.response;
        if (!state) return;
        const keysAdded = mergeContextKeys();
        const active = document.activeElement;
        const inContext = active && document.getElementById('context').contains(active);
        if (keysAdded || !inContext) renderContext();
        if (!(active && document.getElementById('policies').contains(active))) renderPolicies();
        renderResult();
        fillTemplates();
        if (keysAdded) changed(); else vscode.setState(state);
        break;
      }
      case 'suggestions':
        if (m.id === suggestId) {
          const list = document.getElementById('action-suggestions');
          if (list) list.replaceChildren(...m.items.map((a) => h('option', { value: a })));
        }
        break;
      case 'notice':
        notice(m.level, m.message);
        break;
    }
  });

  const saved = vscode.getState();
  try { if (saved) { state = validateState(saved); renderAll(); } } catch { state = null; }
  vscode.postMessage({ type: 'ready' });
})();
