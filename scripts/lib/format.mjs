/** Plain-text tables for the eval and tune reports (no colour: output is read in logs too). */

/** Terminal-safe single line: newlines/tabs → spaces, control and bidi characters escaped. */
export function oneLine(text, max = 140) {
  const flat = String(text)
    .replace(/\r\n|[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const num = (x, digits = 2) => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** Rows of cells → aligned columns (numbers right-aligned). */
export function table(rows, { header = true } = {}) {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => {
        const s = String(cell);
        return /^[-+]?[\d.—]+[%*]?$|^\d+\/\d+\/\d+$/.test(s) ? s.padStart(widths[i]) : s.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd(),
  );
  if (header && lines.length > 1) lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines.join('\n');
}
