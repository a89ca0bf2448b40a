/**
 * Whether JSON text nests objects and arrays deeper than `max`, found without parsing: a
 * 100,000-deep body must be refused before a parser or a validator recurses into it.
 * Brackets inside strings do not count. Linear, no recursion, no allocation.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Deepest nesting a request body may have: far above any form this product sends. */
export const MAX_JSON_DEPTH = 64;
