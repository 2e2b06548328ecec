/**
 * A copy of a string that does not keep its parent alive. V8 represents a
 * slice of a long string as a view into it, so a finding's 30-character text
 * would pin a whole message body in memory for as long as the report lives
 * (the CLI holds every report of a mailbox until it prints the JSON).
 */
export function detach(slice: string): string {
  return slice.length < 13 ? slice : Buffer.from(slice, 'utf16le').toString('utf16le');
}
