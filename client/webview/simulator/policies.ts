// The Policies section: a slot per policy type (identity, resource, boundary, session) and the SCP/RCP levels.
import type { OrgLevelState, PanelState, PolicyRefState, Slot } from '../../src/simulator/state';
import { button, checkbox, removeButton, textField } from './controls';
import { h } from './dom';
import { changed, policyName, post, state } from './store';
import { tx } from './l10n';

interface SlotDef { slot: Slot; field: 'identityPolicies' | 'resourcePolicy' | 'permissionBoundaries' | 'sessionPolicy'; label: string; many: boolean; help: string }
const SLOTS: SlotDef[] = [
  { slot: 'identity', field: 'identityPolicies', label: tx('Identity policies'), many: true, help: tx('policies attached to the user or role (and the user\'s groups)') },
  { slot: 'resource', field: 'resourcePolicy', label: tx('Resource-based policy'), many: false, help: tx('bucket, key, queue or role trust policy') },
  { slot: 'boundary', field: 'permissionBoundaries', label: tx('Permissions boundary'), many: false, help: tx('caps what identity policies can allow') },
  { slot: 'session', field: 'sessionPolicy', label: tx('Session policy'), many: false, help: tx('passed when the session was created') },
];
interface LevelDef { slot: 'scp' | 'rcp'; field: 'scps' | 'rcps'; label: string; help: string }
const LEVELS: LevelDef[] = [
  { slot: 'scp', field: 'scps', label: tx('Service control policies (SCPs)'), help: tx('one level per root, OU and account; every level must allow') },
  { slot: 'rcp', field: 'rcps', label: tx('Resource control policies (RCPs)'), help: tx('RCPFullAWSAccess is implied at every level') },
];

function policyRow(p: PolicyRefState, onRemove: () => void): HTMLLIElement {
  const name = p.uri
    ? h('button', { className: 'link', title: `Open ${p.uri}`, onclick: () => post({ type: 'openPolicy', uri: p.uri! }) }, policyName(p))
    : h('span', { title: 'inline policy from a scenario file' }, policyName(p));
  return h('li', { className: p.enabled ? '' : 'off' },
    checkbox(p.enabled, `Use ${policyName(p)}`, (on) => { p.enabled = on; changed(); }), name, removeButton(policyName(p), onRemove));
}

function slotPolicies(s: PanelState, def: SlotDef): PolicyRefState[] {
  const value = s[def.field];
  return Array.isArray(value) ? value : value ? [value] : [];
}

function removeFromSlot(s: PanelState, def: SlotDef, i: number): void {
  switch (def.field) {
    case 'identityPolicies': s.identityPolicies.splice(i, 1); break;
    case 'permissionBoundaries': s.permissionBoundaries = []; break;
    case 'resourcePolicy': s.resourcePolicy = null; break;
    case 'sessionPolicy': s.sessionPolicy = null; break;
  }
}

function renderSlot(def: SlotDef): HTMLFieldSetElement {
  const s = state();
  const list = slotPolicies(s, def);
  const ul = h('ul', { className: 'policies', 'aria-label': def.label },
    ...list.map((p, i) => policyRow(p, () => { removeFromSlot(s, def, i); changed(); renderPolicies(`add-${def.slot}`); })));
  if (!list.length) ul.append(h('li', { className: 'empty' }, 'none'));
  return h('fieldset', { className: 'slot' }, h('legend', {}, def.label), h('p', { className: 'hint' }, def.help), ul,
    button(def.many ? tx('Add…') : list.length ? tx('Replace…') : tx('Choose…'), () => post({ type: 'addPolicies', slot: def.slot }), { id: `add-${def.slot}`, secondary: true }));
}

function renderLevel(def: LevelDef, level: OrgLevelState, li: number): HTMLDivElement {
  const levels = state()[def.field];
  const ul = h('ul', { className: 'policies' },
    ...level.policies.map((p, pi) => policyRow(p, () => { level.policies.splice(pi, 1); changed(); renderPolicies(`add-${def.slot}-${li}`); })));
  return h('div', { className: `level ${level.enabled ? '' : 'off'}` },
    h('div', { className: 'row' },
      checkbox(level.enabled, `Use level ${level.orgIdentifier}`, (on) => { level.enabled = on; changed(); }),
      textField(level.orgIdentifier, (v) => { level.orgIdentifier = v; changed(); }, { label: tx('Organization level (r-…, ou-…, or account ID)') }),
      button('✕', () => { levels.splice(li, 1); changed(); renderPolicies(`level-${def.slot}`); },
        { secondary: true, label: `Remove level ${level.orgIdentifier}`, title: tx('Remove level'), className: 'icon' })),
    ul,
    button(tx('Add policies…'), () => post({ type: 'addPolicies', slot: def.slot, level: li }), { id: `add-${def.slot}-${li}`, secondary: true }));
}

function renderLevels(def: LevelDef): HTMLFieldSetElement {
  const levels = state()[def.field];
  return h('fieldset', { className: 'slot' }, h('legend', {}, def.label), h('p', { className: 'hint' }, def.help),
    ...levels.map((level, li) => renderLevel(def, level, li)),
    button(tx('Add level'), () => {
      const n = levels.length;
      levels.push({ orgIdentifier: n === 0 ? 'r-root' : `ou-level-${n}`, enabled: true, policies: [] });
      changed(); renderPolicies(`add-${def.slot}-${n}`);
    }, { id: `level-${def.slot}`, secondary: true }));
}

export function renderPolicies(focusId?: string): void {
  const host = document.getElementById('policies');
  if (!host) return;
  host.replaceChildren(h('h2', {}, tx('Policies')), ...SLOTS.map(renderSlot), ...LEVELS.map(renderLevels));
  if (focusId) document.getElementById(focusId)?.focus();
}
