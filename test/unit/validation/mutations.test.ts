// Acceptance: a seeded mutation corpus built from the AWS managed policies (typos in actions, condition keys and
// operators; resource ARNs of another service). Each mutant must be flagged exactly at the mutated string, and no
// other diagnostic may appear (valid neighbours untouched), except IAM403/IAM404 on actions of the statement whose ARN
// was mutated (they rightly lose their resource). Prints the rate; requires >= 99%.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy, type Span } from '../../../server/src/core/policy/model';
import { statementActionSet } from '../../../server/src/service/validation/actionClassification';
import { parseOperator } from '../../../server/src/service/validation/conditionOperators';
import { catalog } from '../helpers';
import { lint } from './lint';
import { managedPolicies } from './managed';

function rng(seed: number) {
  return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

type Kind = 'action' | 'key' | 'operator' | 'arn';
interface Site { kind: Kind; policy: string; text: string; span: Span; value: string; services?: Set<string>; formats?: string[] }

function typo(word: string, r: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const i = Math.floor(r() * word.length);
  switch (Math.floor(r() * 4)) {
    case 0: return word.slice(0, i) + word.slice(i + 1);
    case 1: return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, -1);
    case 2: return word.slice(0, i) + letters[Math.floor(r() * 26)] + word.slice(i + 1);
    default: return word.slice(0, i) + letters[Math.floor(r() * 26)] + word.slice(i);
  }
}

function fill(format: string): string {
  return format.replace(/\$\{Partition\}/g, 'aws').replace(/\$\{Region\}/g, 'us-east-1').replace(/\$\{Account\}/g, '123456789012').replace(/\$\{[^}]*\}/g, 'x1');
}

function sites(): Site[] {
  const out: Site[] = [];
  for (const [name, text] of managedPolicies()) {
    const p = parsePolicy(text);
    for (const s of p.statements) {
      for (const v of s.action?.values ?? []) if (!/[*?]/.test(v.value) && catalog.hasAction(v.value)) out.push({ kind: 'action', policy: name, text, span: v.span, value: v.value });
      for (const c of s.conditions) {
        if (parseOperator(c.operator)) out.push({ kind: 'operator', policy: name, text, span: c.entry.keySpan, value: c.operator });
        for (const k of c.keys) {
          const info = catalog.conditionKey(k.key);
          if (info && !info.patterned && (info.global || k.key.toLowerCase().startsWith(`${info.category.toLowerCase()}:`))) out.push({ kind: 'key', policy: name, text, span: k.entry.keySpan, value: k.key });
        }
      }
      const set = statementActionSet(catalog, s);
      if (set?.allKnown && set.actions.length && s.resource) {
        for (const v of s.resource.values) if (v.value.startsWith('arn:')) out.push({ kind: 'arn', policy: name, text, span: v.span, value: v.value, services: set.services, formats: [...new Set(set.actions.flatMap((a) => catalog.resourceTypesOf(a).map((t) => t.arnFormat)))] });
      }
    }
  }
  return out;
}

function mutate(site: Site, r: () => number, formats: string[]): string | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    if (site.kind === 'action') {
      const [svc, name] = site.value.split(':');
      const m = r() < 0.3 ? `${typo(svc, r)}:${name}` : `${svc}:${typo(name, r)}`;
      if (m !== site.value && !/[*?\s]/.test(m) && m.includes(':') && catalog.expandActions(m).length === 0) return m;
    } else if (site.kind === 'key') {
      const colon = site.value.indexOf(':');
      const m = site.value.slice(0, colon + 1) + typo(site.value.slice(colon + 1), r);
      if (m !== site.value && !catalog.conditionKey(m) && !m.endsWith(':')) return m;
    } else if (site.kind === 'operator') {
      const m = typo(site.value, r);
      if (m !== site.value && !parseOperator(m)) return m;
    } else {
      const f = formats[Math.floor(r() * formats.length)];
      const svc = f.split(':')[2];
      if (site.services!.has(svc)) continue;
      const arn = fill(f);
      // only a true mismatch counts: no action of the statement may act on the new ARN
      const set = [...site.formats!, ...[...site.services!].flatMap((x) => catalog.resourceTypesOfService(x).map((t) => t.arnFormat))];
      if (set.some((fmt) => catalog.arnMatchesFormat(arn, fmt))) continue;
      return arn;
    }
  }
  return undefined;
}

describe('mutation corpus from AWS managed policies', () => {
  it('flags >= 99% of mutants at the mutated string and leaves neighbours untouched', () => {
    const r = rng(20260926);
    const all = sites();
    const formats = catalog.servicePrefixes().flatMap((p) => catalog.resourceTypesOfService(p).map((t) => t.arnFormat)).filter((f) => f.startsWith('arn:'));
    const perKind = 250;
    const chosen: Site[] = [];
    for (const kind of ['action', 'key', 'operator', 'arn'] as Kind[]) {
      const pool = all.filter((s) => s.kind === kind);
      for (let i = 0; i < perKind && pool.length; i++) chosen.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
    }
    const baseline = new Map<string, Set<string>>();
    const stats: Record<Kind, { n: number; ok: number }> = { action: { n: 0, ok: 0 }, key: { n: 0, ok: 0 }, operator: { n: 0, ok: 0 }, arn: { n: 0, ok: 0 } };
    const failures: string[] = [];
    for (const site of chosen) {
      const m = mutate(site, r, formats);
      if (m === undefined) continue;
      const newText = JSON.stringify(m);
      const text = site.text.slice(0, site.span.offset) + newText + site.text.slice(site.span.offset + site.span.length);
      const delta = newText.length - site.span.length;
      let base = baseline.get(site.policy);
      if (!base) {
        const b = lint(site.text);
        base = new Set(b.diagnostics.map((d) => `${d.code}@${b.doc.offsetAt(d.range.start)}:${b.doc.offsetAt(d.range.end)}`));
        baseline.set(site.policy, base);
      }
      const res = lint(text);
      const start = site.span.offset, end = site.span.offset + newText.length;
      // a mutated ARN may leave some of its statement's actions with no resource they act on: IAM403/IAM404 then
      // report those actions, rightly; any other finding elsewhere is a false alarm on a valid neighbour
      const statement = site.kind === 'arn' ? parsePolicy(text).statements.find((st) => st.span.offset <= start && end <= st.span.offset + st.span.length) : undefined;
      const consequence = (code: string, a: number, b: number) =>
        !!statement && (code === 'IAM403' || code === 'IAM404') && statement.span.offset <= a && b <= statement.span.offset + statement.span.length;
      let hit = false;
      const extra: string[] = [];
      for (const d of res.diagnostics) {
        const a = res.doc.offsetAt(d.range.start), b = res.doc.offsetAt(d.range.end);
        if (a === start && b === end) { hit = true; continue; }
        if (a < end && b > start) continue; // on the mutated string: fine
        if (consequence(String(d.code), a, b)) continue;
        const shift = (o: number) => (o >= end ? o - delta : o);
        if (!base.has(`${d.code}@${shift(a)}:${shift(b)}`)) extra.push(`${d.code} ${d.message}`);
      }
      stats[site.kind].n++;
      if (hit && !extra.length) stats[site.kind].ok++;
      else if (failures.length < 15) failures.push(`${site.kind} ${site.policy}: ${site.value} -> ${m}${hit ? '' : ' (not flagged at the range)'}${extra.length ? ` extra: ${extra.join(' | ')}` : ''}`);
    }
    const n = Object.values(stats).reduce((x, s) => x + s.n, 0);
    const ok = Object.values(stats).reduce((x, s) => x + s.ok, 0);
    const rate = ok / n;
    console.log(`mutants: ${n}; flagged at the right range with neighbours untouched: ${ok} (${(rate * 100).toFixed(2)}%); by kind: ${Object.entries(stats).map(([k, s]) => `${k} ${s.ok}/${s.n}`).join(', ')}`);
    if (failures.length) console.log(`first misses:\n  ${failures.join('\n  ')}`);
    assert.ok(n >= 900, `corpus too small: ${n}`);
    assert.ok(rate >= 0.99, `rate ${rate}`);
  });
});
