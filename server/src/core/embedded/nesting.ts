// Parsers recurse per nesting level: a template nested deeper than any real one is refused before parsing.
export const MAX_TEMPLATE_NESTING = 256;

/** Whether brackets/braces (JSON, YAML flow) or indentation steps (YAML block) nest deeper than the limit. */
export function exceedsNestingLimit(text: string, limit = MAX_TEMPLATE_NESTING): boolean {
  let depth = 0;
  let inString: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */ && inString === '"') i++;
      else if (text[i] === inString) inString = undefined;
      continue;
    }
    if (c === 34 /* " */) inString = '"';
    else if (c === 123 || c === 91) { if (++depth > limit) return true; }
    else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return false;
}
