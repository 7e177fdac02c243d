// Checks every message the extension posts to the Simulate Request webview before the webview uses it. Loaded as a
// plain script in the webview (sets globalThis.IamSimProtocol) and with require() in the unit tests.
(function (root) {
  'use strict';
  const DECISIONS = ['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied'];

  function fail(path, what, v) {
    const got = v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
    throw new Error(`${path}: expected ${what}, got ${got}`);
  }
  const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
  const obj = (v, path) => { if (!isObject(v)) fail(path, 'an object', v); return v; };
  const arr = (v, path) => { if (!Array.isArray(v)) fail(path, 'an array', v); return v; };
  const str = (v, path) => { if (typeof v !== 'string') fail(path, 'a string', v); return v; };
  const num = (v, path) => { if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'a number', v); return v; };
  const bool = (v, path) => { if (typeof v !== 'boolean') fail(path, 'a boolean', v); return v; };

  function policyRef(v, path) {
    obj(v, path);
    bool(v.enabled, `${path}.enabled`);
    if (v.uri !== undefined) str(v.uri, `${path}.uri`);
    if (v.name !== undefined) str(v.name, `${path}.name`);
    if (v.policy !== undefined) obj(v.policy, `${path}.policy`);
    if (v.uri === undefined && v.policy === undefined) fail(path, 'a policy with "uri" or "policy"', v);
  }
  function levels(v, path) {
    arr(v, path).forEach((l, i) => {
      obj(l, `${path}[${i}]`); str(l.orgIdentifier, `${path}[${i}].orgIdentifier`); bool(l.enabled, `${path}[${i}].enabled`);
      arr(l.policies, `${path}[${i}].policies`).forEach((p, j) => policyRef(p, `${path}[${i}].policies[${j}]`));
    });
  }

  /** The panel state (also what vscode.getState() returns after a reload). */
  function validateState(s, path = 'state') {
    obj(s, path);
    if (s.version !== 1) fail(`${path}.version`, '1', s.version);
    str(s.name, `${path}.name`);
    arr(s.identityPolicies, `${path}.identityPolicies`).forEach((p, i) => policyRef(p, `${path}.identityPolicies[${i}]`));
    arr(s.permissionBoundaries, `${path}.permissionBoundaries`).forEach((p, i) => policyRef(p, `${path}.permissionBoundaries[${i}]`));
    if (s.sessionPolicy !== null) policyRef(s.sessionPolicy, `${path}.sessionPolicy`);
    if (s.resourcePolicy !== null) policyRef(s.resourcePolicy, `${path}.resourcePolicy`);
    levels(s.scps, `${path}.scps`);
    levels(s.rcps, `${path}.rcps`);
    obj(s.request, `${path}.request`);
    for (const k of ['principal', 'action', 'resource', 'resourceAccount']) str(s.request[k], `${path}.request.${k}`);
    if (s.request.sessionIssuer !== undefined) str(s.request.sessionIssuer, `${path}.request.sessionIssuer`);
    arr(s.context, `${path}.context`).forEach((r, i) => {
      obj(r, `${path}.context[${i}]`); str(r.key, `${path}.context[${i}].key`); str(r.type, `${path}.context[${i}].type`);
      str(r.value, `${path}.context[${i}].value`); bool(r.enabled, `${path}.context[${i}].enabled`);
    });
    if (s.expected !== '' && !DECISIONS.includes(s.expected)) fail(`${path}.expected`, `"" or one of ${DECISIONS.join(', ')}`, s.expected);
    return s;
  }

  function statement(v, path) {
    obj(v, path); str(v.policyType, `${path}.policyType`); str(v.policy, `${path}.policy`); num(v.index, `${path}.index`);
    if (v.effect !== 'Allow' && v.effect !== 'Deny') fail(`${path}.effect`, '"Allow" or "Deny"', v.effect);
    if (v.file !== undefined) str(v.file, `${path}.file`);
    if (v.sid !== undefined) str(v.sid, `${path}.sid`);
    if (v.range !== undefined) { obj(v.range, `${path}.range`); obj(v.range.start, `${path}.range.start`); num(v.range.start.line, `${path}.range.start.line`); }
  }

  function response(v, path) {
    obj(v, path);
    arr(v.errors, `${path}.errors`).forEach((e, i) => str(e, `${path}.errors[${i}]`));
    arr(v.contextKeys, `${path}.contextKeys`).forEach((k, i) => { obj(k, `${path}.contextKeys[${i}]`); str(k.name, `${path}.contextKeys[${i}].name`); str(k.type, `${path}.contextKeys[${i}].type`); });
    arr(v.resourceTemplates, `${path}.resourceTemplates`).forEach((t, i) => str(t, `${path}.resourceTemplates[${i}]`));
    bool(v.actionKnown, `${path}.actionKnown`);
    obj(v.policyNames, `${path}.policyNames`);
    if (v.result !== null) {
      const r = obj(v.result, `${path}.result`);
      if (!DECISIONS.includes(r.decision)) fail(`${path}.result.decision`, `one of ${DECISIONS.join(', ')}`, r.decision);
      arr(r.matchedStatements, `${path}.result.matchedStatements`).forEach((s, i) => statement(s, `${path}.result.matchedStatements[${i}]`));
      arr(r.statements, `${path}.result.statements`).forEach((s, i) => { statement(s, `${path}.result.statements[${i}]`); bool(s.applies, `${path}.result.statements[${i}].applies`); });
      obj(r.policyTypes, `${path}.result.policyTypes`);
      obj(r.derivedContext, `${path}.result.derivedContext`);
      arr(r.missingContextKeys, `${path}.result.missingContextKeys`).forEach((k, i) => str(k, `${path}.result.missingContextKeys[${i}]`));
      arr(r.explanation, `${path}.result.explanation`).forEach((k, i) => str(k, `${path}.result.explanation[${i}]`));
      if (r.errors !== undefined) arr(r.errors, `${path}.result.errors`).forEach((k, i) => str(k, `${path}.result.errors[${i}]`));
    }
    return v;
  }

  /** The message if it is one the webview understands; else throws an Error naming the bad field. */
  function validateHostMessage(m) {
    obj(m, 'message');
    switch (m.type) {
      case 'state': validateState(m.state, 'message.state'); return m;
      case 'result': num(m.seq, 'message.seq'); response(m.response, 'message.response'); return m;
      case 'suggestions': num(m.id, 'message.id'); arr(m.items, 'message.items').forEach((x, i) => str(x, `message.items[${i}]`)); return m;
      case 'notice':
        if (m.level !== 'info' && m.level !== 'error') fail('message.level', '"info" or "error"', m.level);
        str(m.message, 'message.message'); return m;
      default: throw new Error(`message.type: unknown message type ${JSON.stringify(m.type)}`);
    }
  }

  const api = { validateHostMessage, validateState, DECISIONS };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.IamSimProtocol = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
