// Messages between the Simulate Request webview and the extension, validated in both directions: the extension
// checks what the webview sends (validateWebviewMessage) and the webview checks what the extension posts
// (validateHostMessage) before either acts on it. Pure (no vscode, no DOM): bundled into both sides.
import type { ActionSuggestionsResult, SimulateResult } from '../../../server/src/protocol';
import { DECISIONS, InvalidMessage, SLOTS, describe, isObject, str, uri, validatePanelState, type Decision, type PanelState, type Slot } from './state';

export interface RangeMsg { start: { line: number; character: number }; end: { line: number; character: number } }

/** webview -> extension */
export type WebviewMessage =
  /** the script is up: send the state and evaluate */
  | { type: 'ready' }
  /** the form changed (the full new state) */
  | { type: 'update'; state: PanelState }
  /** pick workspace policy files for a slot (a quick pick); `level` = which SCP/RCP level */
  | { type: 'addPolicies'; slot: Slot; level?: number }
  /** reveal and highlight a statement in its editor */
  | { type: 'reveal'; uri: string; range: RangeMsg }
  /** open a policy file in an editor */
  | { type: 'openPolicy'; uri: string }
  | { type: 'saveScenario' }
  | { type: 'openScenario' }
  /** action names starting with `text` (answered by a `suggestions` message with the same id) */
  | { type: 'suggestActions'; id: number; text: string }
  /** open a policy the model gathered: a place in a model file, or a bundled AWS managed policy by ARN */
  | { type: 'openOrigin'; uri?: string; range?: RangeMsg; arn?: string };

/** The model picker's choices: the workspace's model files, and the users and roles of the chosen ones. */
export interface ModelOptions {
  files: { uri: string; label: string }[];
  principals: { arn: string; label: string; detail: string }[];
  /** problems of the chosen model files, one line each ("file: $.path: message") */
  problems: string[];
}

/** extension -> webview */
export type HostMessage =
  | { type: 'state'; state: PanelState }
  | { type: 'result'; seq: number; response: SimulateResult }
  | { type: 'suggestions'; id: number; items: ActionSuggestionsResult['items'] }
  | { type: 'notice'; level: 'info' | 'error'; message: string }
  | { type: 'model'; model: ModelOptions };


const AWS_MANAGED_ARN = /^arn:aws[\w-]*:iam::aws:policy\/[\w+=,.@\/-]+$/;

export function int(v: unknown, path: string, min = 0, max = 1e7): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new InvalidMessage(path, `expected an integer from ${min} to ${max}, got ${describe(v)}`);
  return v;
}

export function range(v: unknown, path: string): RangeMsg {
  if (!isObject(v) || !isObject(v.start) || !isObject(v.end)) throw new InvalidMessage(path, 'expected {start: {line, character}, end: {line, character}}');
  return {
    start: { line: int(v.start.line, `${path}.start.line`), character: int(v.start.character, `${path}.start.character`) },
    end: { line: int(v.end.line, `${path}.end.line`), character: int(v.end.character, `${path}.end.character`) },
  };
}

/** The message if it is well-formed; else throws InvalidMessage saying which field is wrong and why. */
export function validateWebviewMessage(m: unknown): WebviewMessage {
  if (!isObject(m)) throw new InvalidMessage('message', `expected an object with a "type", got ${describe(m)}`);
  switch (m.type) {
    case 'ready': case 'saveScenario': case 'openScenario':
      return { type: m.type };
    case 'update':
      return { type: 'update', state: validatePanelState(m.state, 'message.state') };
    case 'addPolicies': {
      if (!SLOTS.includes(m.slot as Slot)) throw new InvalidMessage('message.slot', `expected one of ${SLOTS.join(', ')}, got ${describe(m.slot)}`);
      return { type: 'addPolicies', slot: m.slot as Slot, ...(m.level !== undefined ? { level: int(m.level, 'message.level', 0, 100) } : {}) };
    }
    case 'reveal':
      return { type: 'reveal', uri: uri(m.uri, 'message.uri'), range: range(m.range, 'message.range') };
    case 'openPolicy':
      return { type: 'openPolicy', uri: uri(m.uri, 'message.uri') };
    case 'suggestActions':
      return { type: 'suggestActions', id: int(m.id, 'message.id'), text: str(m.text, 'message.text', 300) };
    case 'openOrigin': {
      if (m.uri === undefined && m.arn === undefined) throw new InvalidMessage('message', 'expected "uri" or "arn"');
      if (m.arn !== undefined && !AWS_MANAGED_ARN.test(str(m.arn, 'message.arn', 2048))) throw new InvalidMessage('message.arn', `expected an AWS managed policy ARN (arn:aws:iam::aws:policy/…), got ${describe(m.arn)}`);
      return {
        type: 'openOrigin',
        ...(m.uri !== undefined ? { uri: uri(m.uri, 'message.uri') } : {}),
        ...(m.range !== undefined ? { range: range(m.range, 'message.range') } : {}),
        ...(m.arn !== undefined ? { arn: m.arn as string } : {}),
      };
    }
    default:
      throw new InvalidMessage('message.type', `unknown message type ${describe(m.type)}`);
  }
}

// ------------------------------------------------------------------ extension -> webview

export function obj(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) throw new InvalidMessage(path, `expected an object, got ${describe(v)}`);
  return v;
}
export function list(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new InvalidMessage(path, `expected an array, got ${describe(v)}`);
  return v;
}
function strings(v: unknown, path: string): string[] {
  return list(v, path).map((x, i) => str(x, `${path}[${i}]`, 1_000_000));
}
export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidMessage(path, `expected a number, got ${describe(v)}`);
  return v;
}
function decision(v: unknown, path: string): Decision {
  if (!DECISIONS.includes(v as Decision)) throw new InvalidMessage(path, `expected one of ${DECISIONS.join(', ')}, got ${describe(v)}`);
  return v as Decision;
}

function statement(v: unknown, path: string, detail: boolean): void {
  const s = obj(v, path);
  str(s.policyType, `${path}.policyType`); str(s.policy, `${path}.policy`, 1_000_000); num(s.index, `${path}.index`);
  if (s.effect !== 'Allow' && s.effect !== 'Deny') throw new InvalidMessage(`${path}.effect`, `expected "Allow" or "Deny", got ${describe(s.effect)}`);
  if (s.file !== undefined) uri(s.file, `${path}.file`);
  if (s.sid !== undefined) str(s.sid, `${path}.sid`);
  if (s.range !== undefined) range(s.range, `${path}.range`);
  if (detail) {
    if (typeof s.applies !== 'boolean') throw new InvalidMessage(`${path}.applies`, `expected true or false, got ${describe(s.applies)}`);
    if (s.reason !== undefined) str(s.reason, `${path}.reason`, 1_000_000);
  }
}

function origin(v: unknown, path: string): void {
  const o = obj(v, path);
  str(o.kind, `${path}.kind`); str(o.label, `${path}.label`, 4096);
  if (o.uri !== undefined) uri(o.uri, `${path}.uri`);
  if (o.range !== undefined) range(o.range, `${path}.range`);
  if (o.arn !== undefined) str(o.arn, `${path}.arn`, 2048);
  if (o.group !== undefined) str(o.group, `${path}.group`);
}

/** what the server gathered from a model (SimulateModelInfo) */
function modelInfo(v: unknown, path: string): void {
  const m = obj(v, path);
  str(m.principal, `${path}.principal`, 2048); str(m.principalArn, `${path}.principalArn`, 2048);
  list(m.gathered, `${path}.gathered`).forEach((g, i) => {
    const at = `${path}.gathered[${i}]`;
    const o = obj(g, at);
    str(o.policyType, `${at}.policyType`); str(o.name, `${at}.name`, 2048); origin(o.origin, `${at}.origin`);
    if (o.orgIdentifier !== undefined) str(o.orgIdentifier, `${at}.orgIdentifier`);
  });
  list(m.problems, `${path}.problems`).forEach((p, i) => {
    const o = obj(p, `${path}.problems[${i}]`);
    uri(o.uri, `${path}.problems[${i}].uri`); str(o.path, `${path}.problems[${i}].path`); str(o.message, `${path}.problems[${i}].message`);
  });
}

function modelOptions(v: unknown, path: string): ModelOptions {
  const m = obj(v, path);
  return {
    files: list(m.files, `${path}.files`).map((f, i) => { const o = obj(f, `${path}.files[${i}]`); return { uri: uri(o.uri, `${path}.files[${i}].uri`), label: str(o.label, `${path}.files[${i}].label`) }; }),
    principals: list(m.principals, `${path}.principals`).map((p, i) => {
      const o = obj(p, `${path}.principals[${i}]`);
      return { arn: str(o.arn, `${path}.principals[${i}].arn`, 2048), label: str(o.label, `${path}.principals[${i}].label`), detail: str(o.detail, `${path}.principals[${i}].detail`) };
    }),
    problems: strings(m.problems, `${path}.problems`),
  };
}

function simulateResult(v: unknown, path: string): SimulateResult {
  const o = obj(v, path);
  strings(o.errors, `${path}.errors`);
  list(o.contextKeys, `${path}.contextKeys`).forEach((k, i) => {
    const key = obj(k, `${path}.contextKeys[${i}]`);
    str(key.name, `${path}.contextKeys[${i}].name`); str(key.type, `${path}.contextKeys[${i}].type`);
    if (key.description !== undefined) str(key.description, `${path}.contextKeys[${i}].description`);
  });
  strings(o.resourceTemplates, `${path}.resourceTemplates`);
  if (typeof o.actionKnown !== 'boolean') throw new InvalidMessage(`${path}.actionKnown`, `expected true or false, got ${describe(o.actionKnown)}`);
  for (const [k, name] of Object.entries(obj(o.policyNames, `${path}.policyNames`))) str(name, `${path}.policyNames[${JSON.stringify(k)}]`);
  if (o.result !== null) {
    const r = obj(o.result, `${path}.result`);
    decision(r.decision, `${path}.result.decision`);
    if (r.expected !== undefined) decision(r.expected, `${path}.result.expected`);
    list(r.matchedStatements, `${path}.result.matchedStatements`).forEach((s, i) => statement(s, `${path}.result.matchedStatements[${i}]`, false));
    list(r.statements, `${path}.result.statements`).forEach((s, i) => statement(s, `${path}.result.statements[${i}]`, true));
    for (const [k, outcome] of Object.entries(obj(r.policyTypes, `${path}.result.policyTypes`))) str(outcome, `${path}.result.policyTypes.${k}`);
    obj(r.derivedContext, `${path}.result.derivedContext`);
    strings(r.missingContextKeys, `${path}.result.missingContextKeys`);
    strings(r.explanation, `${path}.result.explanation`);
    if (r.errors !== undefined) strings(r.errors, `${path}.result.errors`);
  }
  if (o.model !== undefined) modelInfo(o.model, `${path}.model`);
  return v as SimulateResult;
}

/** The message if the webview understands it; else throws InvalidMessage naming the bad field. */
export function validateHostMessage(m: unknown): HostMessage {
  if (!isObject(m)) throw new InvalidMessage('message', `expected an object with a "type", got ${describe(m)}`);
  switch (m.type) {
    case 'state':
      return { type: 'state', state: validatePanelState(m.state, 'message.state') };
    case 'result':
      return { type: 'result', seq: num(m.seq, 'message.seq'), response: simulateResult(m.response, 'message.response') };
    case 'suggestions':
      return { type: 'suggestions', id: num(m.id, 'message.id'), items: strings(m.items, 'message.items') };
    case 'notice':
      if (m.level !== 'info' && m.level !== 'error') throw new InvalidMessage('message.level', `expected "info" or "error", got ${describe(m.level)}`);
      return { type: 'notice', level: m.level, message: str(m.message, 'message.message') };
    case 'model':
      return { type: 'model', model: modelOptions(m.model, 'message.model') };
    default:
      throw new InvalidMessage('message.type', `unknown message type ${describe(m.type)}`);
  }
}
