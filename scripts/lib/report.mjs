/** The human-readable evaluation report printed by `npm run eval`. */
import { num, oneLine, table } from './format.mjs';

export function formatReport({ figures, errors, timings }, { showErrors = true } = {}) {
  const out = [];
  const { detector, baselines, corpus } = figures;
  const tacticIds = Object.keys(detector.perTactic);
  out.push(`quidpro evaluation — ${corpus.items} items, ${corpus.tacticFree} tactic-free; threshold ${figures.threshold}`);
  out.push('');
  out.push('Per tactic: precision / recall / F1 (tp/fp/fn). keyword = one regex per tactic; bayes = naive Bayes, 5-fold CV.');
  const systems = [['detector', detector], ['keyword', baselines.keyword]];
  if (baselines.bayes) systems.push(['bayes', baselines.bayes]);
  const head = ['tactic', 'sup'];
  for (const [name] of systems) head.push(`${name} P`, 'R', 'F1', 'tp/fp/fn');
  const rows = [head];
  for (const id of tacticIds) {
    const row = [id, String(detector.perTactic[id].support)];
    for (const [, s] of systems) {
      const t = s.perTactic[id];
      row.push(num(t.precision), num(t.recall), num(t.f1), `${t.tp}/${t.fp}/${t.fn}`);
    }
    rows.push(row);
  }
  const micro = ['micro', ''];
  const anyRow = ['any tactic', String(corpus.items - corpus.tacticFree)];
  for (const [, s] of systems) {
    micro.push(num(s.micro.precision), num(s.micro.recall), num(s.micro.f1), `${s.micro.tp}/${s.micro.fp}/${s.micro.fn}`);
    anyRow.push(num(s.anyTactic.precision), num(s.anyTactic.recall), num(s.anyTactic.f1), `${s.anyTactic.tp}/${s.anyTactic.fp}/${s.anyTactic.fn}`);
  }
  rows.push(micro, anyRow);
  out.push(table(rows));
  out.push('');
  for (const [name, s] of systems) {
    const flag = s.tacticFree;
    const target = flag.rate <= 0.02 ? 'meets' : 'misses';
    out.push(`${name.padEnd(8)}  macro F1 ${num(s.macroF1)}  micro F1 ${num(s.micro.f1)}  tactic-free flagged ${flag.flagged}/${flag.items} = ${num(flag.rate * 100, 1)}% (${target} target ≤ 2%)`);
  }

  out.push('');
  out.push(formatCalibration(figures.calibration));
  out.push('');
  out.push(formatSweep(figures.thresholds, tacticIds, figures.threshold));

  if (figures.itemErrors.length) {
    out.push('');
    out.push(`Items that could not be analysed (${figures.itemErrors.length}):`);
    for (const e of figures.itemErrors) out.push(`  ${e.id}: ${oneLine(e.error)}`);
  }
  if (showErrors) {
    out.push('');
    out.push(formatErrors(errors));
  }
  if (timings) {
    out.push('');
    out.push(
      `Time: load ${timings.loadMs} ms, detector ${timings.detectMs} ms (${timings.perItemMs} ms/item, slowest ${timings.slowest.id} ${timings.slowest.ms} ms), keyword ${timings.keywordMs} ms` +
        (timings.bayesMs !== null ? `, bayes ${timings.bayesMs} ms` : ''),
    );
  }
  return out.join('\n');
}

export function formatCalibration(cal) {
  const rows = [['confidence', 'findings', 'correct', 'mean conf', 'precision']];
  for (const b of cal.bins) {
    if (b.count === 0) continue;
    rows.push([`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, String(b.count), String(b.correct), num(b.meanConfidence), num(b.precision)]);
  }
  const head = `Calibration over all ${cal.findings} candidate findings (minConfidence 0; correct = tactic in the item's gold labels): Brier ${num(cal.brier, 3)}, ECE ${num(cal.ece, 3)}`;
  return cal.findings ? `${head}\n${table(rows)}` : `${head}\n(no findings)`;
}

export function formatSweep(sweep, tacticIds, current) {
  const rows = [['threshold', 'micro P', 'micro R', 'micro F1', 'macro F1', 'any P', 'free flagged', ...tacticIds.map((id) => `${id} F1`)]];
  for (const s of sweep) {
    rows.push([
      `${s.threshold.toFixed(1)}${s.threshold === current ? '*' : ''}`,
      num(s.microPrecision),
      num(s.microRecall),
      num(s.microF1),
      num(s.macroF1),
      num(s.anyPrecision),
      `${num(s.tacticFreeFlagRate * 100, 1)}%`,
      ...tacticIds.map((id) => num(s.f1[id])),
    ]);
  }
  return `Threshold sweep (* = default):\n${table(rows)}`;
}

export function formatErrors(errors) {
  const fps = errors.filter((e) => e.kind === 'fp');
  const fns = errors.filter((e) => e.kind === 'fn');
  const out = [`False positives (${fps.length}): reported, not in the gold labels`];
  for (const e of fps) {
    for (const f of e.findings) {
      out.push(`  FP ${e.id}  ${e.tactic}  ${f.confidence.toFixed(3)}  ${f.line}:${f.column}  "${oneLine(f.text, 100)}"  [${f.rules.join(', ')}]`);
    }
  }
  out.push('');
  out.push(`False negatives (${fns.length}): in the gold labels, not reported`);
  for (const e of fns) {
    const quote = e.evidence.length ? e.evidence.map((q) => `"${oneLine(q, 110)}"`).join(' / ') : '(no evidence quote)';
    const below = e.below ? `  — best below threshold: ${e.below.confidence.toFixed(3)} "${oneLine(e.below.text, 60)}" [${e.below.rules.join(', ')}]` : '';
    out.push(`  FN ${e.id}  ${e.tactic}  ${quote}${below}`);
  }
  return out.join('\n');
}
