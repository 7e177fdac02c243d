// Quick-fix edits that remove a JSON array item or object member together with the comma that separates it.
import type { Node } from 'jsonc-parser';

/** An edit removing an array item with its separating comma (the following one, or the preceding one for the last item). */
export function removeArrayItem(text: string, item: Node): { offset: number; length: number; newText: string } {
  const parent = item.parent;
  const items = parent?.children ?? [];
  const i = items.indexOf(item);
  if (i >= 0 && i < items.length - 1) {
    const next = items[i + 1];
    return { offset: item.offset, length: next.offset - item.offset, newText: '' };
  }
  if (i > 0) {
    const prev = items[i - 1];
    const start = prev.offset + prev.length;
    return { offset: start, length: item.offset + item.length - start, newText: '' };
  }
  return { offset: item.offset, length: item.length, newText: '' };
}

/** An edit removing an object member together with one adjacent comma. */
export function removeMember(text: string, span: { offset: number; length: number }): { offset: number; length: number; newText: string } {
  let end = span.offset + span.length;
  let j = end;
  while (j < text.length && /\s/.test(text[j])) j++;
  if (text[j] === ',') {
    end = j + 1;
    let start = span.offset;
    while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
    while (end < text.length && /[ \t]/.test(text[end])) end++;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { offset: start, length: end - start, newText: '' };
  }
  let i = span.offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] === ',') return { offset: i, length: span.offset + span.length - i, newText: '' };
  return { offset: span.offset, length: span.length, newText: '' };
}
