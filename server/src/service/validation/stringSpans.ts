// Offsets inside JSON string values, for diagnostics narrower than the whole string.
import type { Span, Value } from '../../core/policy/model';

/** Span of the characters of a string value between its quotes (offset into the document). */
export function innerSpan(v: Value): Span {
  return v.kind === 'string' ? { offset: v.span.offset + 1, length: Math.max(0, v.span.length - 2) } : v.span;
}

/** Whether the raw JSON text of a string value equals its decoded value (no escapes), so inner offsets line up. */
export function plainString(doc: { text: string }, v: Value): boolean {
  return doc.text.slice(v.span.offset + 1, v.span.offset + v.span.length - 1) === v.value;
}
