/**
 * The exchange: money amounts the text gives the reader ("a free $10 gift
 * card", "a $25 value") against amounts it asks for ("donate $50", "just
 * $5"), and how many times bigger the ask is.
 */
import { detach } from '../text/detach.js';
import { partitionPoint } from '../text/search.js';
import type { Amount, Exchange, PartName, TextPart } from '../types.js';
import type { DocContext } from './context.js';
import type { MoneyAmount } from '../text/amounts.js';

/** How many words before an amount its framing may stand. */
const FRAME_WINDOW = 6;
/**
 * How many tokens (words, numbers, signs) the look before or after an amount
 * may walk: counting only words let a text of amounts with no words between
 * them ("$1,$1,$1,…") walk back to the sentence start for every amount.
 */
const TOKEN_WINDOW = 4 * FRAME_WINDOW;

const GIVEN_WORDS = new Set(['free', 'gift', 'complimentary', 'worth', 'value', 'valued', 'bonus', 'receive', 'get', 'yours', 'save', 'saving', 'savings', 'off', 'card', 'voucher', 'credit', 'coupon']);
const ASKED_WORDS = new Set(['donate', 'donation', 'give', 'giving', 'contribute', 'contribution', 'chip', 'pledge', 'pay', 'just', 'only', 'cost', 'costs', 'price', 'for', 'spend', 'order', 'purchase', 'buy', 'fee', 'month', 'monthly', 'per', 'even', 'least', 'send', 'make', 'match']);
const GIVEN_AFTER = new Set(['card', 'voucher', 'credit', 'value', 'bonus', 'free', 'off', 'certificate']);
const ASKED_AFTER = new Set(['donation', 'contribution', 'gift', 'pledge', 'today', 'a', 'per', 'monthly']);

export function findExchange(
  doc: DocContext,
  locate: (offset: number) => { part: TextPart; line: number; column: number },
  mail: boolean,
): Exchange | null {
  const given: Amount[] = [];
  const asked: Amount[] = [];
  for (const amount of doc.amounts) {
    const side = classify(doc, amount);
    if (!side) continue;
    const where = locate(amount.start);
    const entry: Amount = { text: detach(amount.text), value: amount.value, currency: amount.currency, line: where.line, column: where.column };
    if (mail) entry.part = where.part.name as PartName;
    (side === 'given' ? given : asked).push(entry);
  }
  if (given.length === 0 && asked.length === 0) return null;
  return { given, asked, ratio: ratio(given, asked) };
}

/** One exchange from several (windows of one long document). */
export function joinExchanges(exchanges: readonly Exchange[]): Exchange | null {
  if (exchanges.length === 0) return null;
  if (exchanges.length === 1) return exchanges[0];
  const given = exchanges.flatMap((e) => e.given);
  const asked = exchanges.flatMap((e) => e.asked);
  return { given, asked, ratio: ratio(given, asked) };
}

function largest(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The largest amount asked divided by the largest amount given, in one currency. */
export function ratio(given: Amount[], asked: Amount[]): number | null {
  let best: number | null = null;
  for (const currency of new Set(given.map((a) => a.currency))) {
    // A loop, not Math.max(...values): a long text has more amounts than a call can take arguments.
    const g = largest(given.filter((a) => a.currency === currency).map((a) => a.value));
    const askedHere = asked.filter((a) => a.currency === currency);
    if (askedHere.length === 0 || g <= 0) continue;
    const a = largest(askedHere.map((x) => x.value));
    const r = Math.round((a / g) * 100) / 100;
    if (best === null || r > best) best = r;
  }
  return best;
}

/**
 * Reads the words just before an amount (nearest first) and just after it:
 * "free $10 gift card" is given, "donate $50" and "just $5" are asked.
 */
export function classify(doc: DocContext, amount: MoneyAmount): 'given' | 'asked' | null {
  const tokens = doc.tokens;
  let i = partitionPoint(tokens.length, (k) => tokens.start(k) < amount.start) - 1;
  const sentence = tokens.at(i + 1)?.sentence;
  // Words before a colon frame the label, not the amount after it ("Save 30% on the plan: $99 a year"):
  // they decide only when the words after the amount say nothing.
  let crossedColon = false;
  let beforeColon: 'given' | 'asked' | null = null;
  const firstBefore = i - TOKEN_WINDOW;
  for (let seen = 0; i >= 0 && i > firstBefore && seen < FRAME_WINDOW; i--) {
    const t = tokens.at(i)!;
    if (t.sentence !== sentence) break;
    if (t.raw === ':') crossedColon = true;
    if (t.kind !== 'word') continue;
    seen++;
    const side = frameBefore(tokens, i);
    if (!side) continue;
    if (!crossedColon) return side;
    beforeColon = side;
    break;
  }
  let j = partitionPoint(tokens.length, (k) => tokens.start(k) < amount.end);
  const lastAfter = j + TOKEN_WINDOW;
  for (let seen = 0; j < tokens.length && j < lastAfter && seen < 3; j++) {
    const t = tokens.at(j)!;
    if (t.sentence !== sentence) break;
    if (t.kind !== 'word') continue;
    seen++;
    // "$25 gift card" is given; a bare "$25 gift" in an appeal is the donation.
    if (t.norm === 'gift') return GIVEN_AFTER.has(nextWord(tokens, j)) ? 'given' : 'asked';
    if (GIVEN_AFTER.has(t.norm)) return 'given';
    if (ASKED_AFTER.has(t.norm)) return 'asked';
  }
  return beforeColon;
}

/** Verbs that ask when the reader does them ("give $5") and give when aimed at the reader ("we'll give you $5"). */
const GIVING_VERBS = new Set(['give', 'send', 'pay', 'giving', 'sending', 'paying']);

/** What the word at `i`, standing before an amount, says about it. */
function frameBefore(tokens: DocContext['tokens'], i: number): 'given' | 'asked' | null {
  const t = tokens.at(i)!;
  // "a gift of $25" is asked; "a $25 gift card" (gift after) is given.
  if (t.norm === 'gift' && tokens.at(i + 1)?.norm === 'of') return 'asked';
  if (GIVING_VERBS.has(t.norm) && tokens.at(i + 1)?.norm === 'you') return 'given';
  if (GIVEN_WORDS.has(t.norm)) return 'given';
  if (ASKED_WORDS.has(t.norm)) return 'asked';
  return null;
}

function nextWord(tokens: DocContext['tokens'], i: number): string {
  for (let k = i + 1; k < tokens.length && k < i + 4; k++) if (tokens.isWord(k)) return tokens.norm(k);
  return '';
}
