// Messages between the Simulate Request webview and the extension. Everything the webview sends is validated here
// before the extension acts on it (client/media/protocol.js validates the other direction inside the webview).
// Pure: no vscode import.
import type { ActionSuggestionsResult, SimulateResult } from '../../../server/src/protocol';
import { InvalidMessage, SLOTS, describe, isObject, str, uri, validatePanelState, type PanelState, type Slot } from './state';

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
  | { type: 'suggestActions'; id: number; text: string };

/** extension -> webview */
export type HostMessage =
  | { type: 'state'; state: PanelState }
  | { type: 'result'; seq: number; response: SimulateResult }
  | { type: 'suggestions'; id: number; items: ActionSuggestionsResult['items'] }
  | { type: 'notice'; level: 'info' | 'error'; message: string };


function int(v: unknown, path: string, min = 0, max = 1e7): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new InvalidMessage(path, `expected an integer from ${min} to ${max}, got ${describe(v)}`);
  return v;
}

function range(v: unknown, path: string): RangeMsg {
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
    default:
      throw new InvalidMessage('message.type', `unknown message type ${describe(m.type)}`);
  }
}
