/**
 * Line starts as a multiline regex's ^ sees them: at the text's start or
 * after LF, CR, LS or PS. Shared by the scanner (transcript turn labels) and
 * DocContext (mail-quoted "> " blocks), which both replaced such a regex.
 */

/** Space or tab: what may indent a line before its first character. */
export const isBlank = (c: number) => c === 0x20 || c === 0x09;

/** After these a multiline ^ matches: LF, CR, LS, PS. */
const endsLine = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;

/** Where the line of offset `at` starts, when only spaces and tabs come before `at` on it; else -1. */
export function indentedLineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  return i === 0 || endsLine(text.charCodeAt(i - 1)) ? i : -1;
}
