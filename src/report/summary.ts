import { TACTIC_IDS, type FileReport, type Summary, type TacticId } from '../types.js';

export function summarize(files: readonly FileReport[]): Summary {
  const byTactic = Object.fromEntries(TACTIC_IDS.map((id) => [id, 0])) as Record<TacticId, number>;
  let findings = 0;
  for (const f of files) {
    for (const finding of f.findings) {
      byTactic[finding.tactic]++;
      findings++;
    }
  }
  return { files: files.length, findings, byTactic };
}
