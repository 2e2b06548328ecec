/**
 * `quidpro explain <tactic>` and `quidpro tactics`. The long texts are data
 * (explain.json), loaded only when asked for.
 */
import { TACTICS, tacticById } from '../tactics/index.js';
import { TACTIC_IDS } from '../types.js';

interface ExplainData {
  sources: Record<string, string>;
  tactics: Record<string, { what: string; why: string; examples: string[]; todo: string; sources: string[] }>;
}

export class UnknownTacticError extends Error {
  constructor(id: string) {
    super(`unknown tactic "${id}"; known tactics: ${TACTIC_IDS.join(', ')}`);
  }
}

async function loadData(): Promise<ExplainData> {
  const mod = await import('./explain.json', { with: { type: 'json' } });
  return mod.default as ExplainData;
}

/** The explanation of one tactic, as plain text. Throws UnknownTacticError. */
export async function explainTactic(id: string): Promise<string> {
  const tactic = tacticById(id);
  if (!tactic) throw new UnknownTacticError(id);
  const data = await loadData();
  const entry = data.tactics[id];
  const { meta } = tactic;
  const lines = [
    `${meta.id} — ${meta.name}`,
    '',
    'What it is',
    indent(entry.what),
    '',
    'Why it works',
    indent(entry.why),
    '',
    'How it shows up',
    ...entry.examples.map((e) => `  - "${e}"`),
    '',
    'What to do',
    `  Wait: ${meta.advice.wait}`,
    `  Evaluate the exchange: ${meta.advice.evaluate}`,
    '',
    'In more detail',
    indent(entry.todo),
    '',
    'Sources',
    ...entry.sources.map((s) => `  - ${data.sources[s] ?? s}`),
  ];
  return lines.join('\n') + '\n';
}

/** One line per tactic: id, name, summary. */
export function listTactics(): string {
  const width = Math.max(...TACTICS.map((t) => t.meta.id.length));
  return TACTICS.map((t) => `${t.meta.id.padEnd(width)}  ${t.meta.name}: ${t.meta.summary}`).join('\n') + '\n';
}

function indent(text: string): string {
  return `  ${text}`;
}
