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
