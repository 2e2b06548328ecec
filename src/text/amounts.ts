/**
 * Money amounts in their common written forms: "$5", "$5.00", "$1,000",
 * "5 dollars", "€10", "10 €", "£3", "USD 20", "50 cents", "a penny",
 * "a dollar", "five bucks", "a few dollars", "$2k".
 * Every pattern is anchored on a currency sign or word, so the scan is linear.
 */
import type { TokenList } from './token-list.js';

export interface MoneyAmount {
  start: number;
  end: number;
  text: string;
  value: number;
  currency: string;
  /** "a few dollars": the value is an estimate. */
  approximate: boolean;
}

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CODES: Record<string, string> = { usd: 'USD', eur: 'EUR', gbp: 'GBP' };
const UNIT_WORDS: Record<string, [string, number]> = {
  dollar: ['USD', 1], dollars: ['USD', 1], buck: ['USD', 1], bucks: ['USD', 1],
  euro: ['EUR', 1], euros: ['EUR', 1], pound: ['GBP', 1], pounds: ['GBP', 1],
  cent: ['USD', 0.01], cents: ['USD', 0.01], penny: ['USD', 0.01], pennies: ['USD', 0.01],
  quid: ['GBP', 1],
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, 'twenty-five': 25,
  thirty: 30, forty: 40, fifty: 50, hundred: 100, 'a hundred': 100, 'one hundred': 100,
  'a few': 3, 'a couple of': 2, 'a couple': 2, 'a thousand': 1000,
};
/** "two hundred dollars", "five thousand euros", "a million dollars": a number word times a scale word. */
const WORD_SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6 };
/** Words just before "N pounds" that make it a weight, not money ("lose 10 pounds"). */
const WEIGHT_WORDS = new Set([
  'lose', 'lost', 'losing', 'loses', 'shed', 'shedding', 'gain', 'gained', 'gaining', 'weigh', 'weighs',
  'weighed', 'weighing', 'drop', 'dropped', 'dropping', 'extra', 'carry', 'carrying', 'lift', 'lifting',
]);
const SCALE: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, million: 1e6, thousand: 1e3, billion: 1e9 };

// "1,000.50", "1000", "5.5", ".50". A number never starts inside another number
// (the lookbehind), which also keeps the scan linear over long digit runs.
const NUM = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?|\.\d{1,2})(?![\d])`;
const SCALE_SUFFIX = String.raw`(?:\s?(?:million|thousand|billion)\b|[kKmM]\b)?`;
const WORD_NUMBERS = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');
const UNITS = Object.keys(UNIT_WORDS).sort((a, b) => b.length - a.length).join('|');

/**
 * The forms of an amount, in the order they are preferred where two match at
 * the same place. Each is compiled the first time a text has its anchor: as
 * one regex of six alternatives, its compilation was a few milliseconds of
 * every start-up that met a "$".
 */
const FORMS: ReadonlyArray<{ source: string; compiled?: RegExp }> = [
  // $5, $ 5.00, €1,000, £3k
  { source: String.raw`(?<sym>[$€£¥])\s?(?<symNum>${NUM})(?<symScale>${SCALE_SUFFIX})` },
  // 10€, 10 £
  { source: String.raw`(?<postNum>${NUM})\s?(?<postSym>[€£])` },
  // USD 20, 20 USD
  { source: String.raw`\b(?<code>USD|EUR|GBP)\s?(?<codeNum>${NUM})\b` },
  { source: String.raw`\b(?<codeNum2>${NUM})\s?(?<code2>USD|EUR|GBP)\b` },
  // 5 dollars, 50 cents, 2 million dollars
  { source: String.raw`\b(?<unitNum>${NUM})(?<unitScale>\s(?:million|thousand|billion))?\s(?<unit>${UNITS})\b` },
  // five bucks, a penny, a few dollars
  { source: String.raw`\b(?<wordNum>${WORD_NUMBERS})(?<wordScale>\s(?:hundred|thousand|million))?\s(?<wordUnit>${UNITS})\b` },
];
/** All the forms as one pattern, as they were matched before: what firstAmount must agree with (its tests). */
export const ALL_FORMS = FORMS.map((f) => f.source).join('|');
const [SIGN_FIRST, SIGN_AFTER, CODE_FIRST, CODE_AFTER, NUMBER_UNIT, WORD_UNIT] = [0, 1, 2, 3, 4, 5];

/** The forms an anchor can be part of ("eur" starts "euro" as well as "EUR"). */
function formsOf(anchor: string): readonly number[] {
  switch (anchor) {
    case '$':
    case '¥':
      return [SIGN_FIRST];
    case '€':
    case '£':
      return [SIGN_FIRST, SIGN_AFTER];
    case 'usd':
    case 'gbp':
      return [CODE_FIRST, CODE_AFTER];
    case 'eur':
      return [CODE_FIRST, CODE_AFTER, NUMBER_UNIT, WORD_UNIT];
    default:
      return [NUMBER_UNIT, WORD_UNIT];
  }
}

function compiledForm(i: number): RegExp {
  const form = FORMS[i];
  return (form.compiled ??= new RegExp(form.source, 'giu'));
}

/**
 * What one regex of all the forms finds from `from` in `window`: the leftmost
 * match, and of two at the same place the earlier form. Only the forms of the
 * window's anchors are tried: a form cannot match without its anchor.
 */
export function firstAmount(window: string, from: number): RegExpExecArray | null {
  const forms = new Set<number>();
  for (const a of anchorsIn(window, 0, window.length)) {
    const sign = window[a];
    for (const f of formsOf(SIGNS.has(sign) ? sign : wordKey(window.slice(a, a + 3)))) forms.add(f);
  }
  let best: RegExpExecArray | null = null;
  let bestForm = Infinity;
  for (const f of forms) {
    const re = compiledForm(f);
    re.lastIndex = from;
    const m = re.exec(window);
    if (m && (!best || m.index < best.index || (m.index === best.index && f < bestForm))) {
      best = m;
      bestForm = f;
    }
  }
  return best;
}

const SIGNS = new Set(['$', '€', '£', '¥']);

/**
 * Every amount contains one of these (a sign, a code or a unit word). Running
 * the forms over the whole text tried every form at every position;
 * it now runs only on a short window around each anchor, which finds exactly
 * the same matches (see walkBack and walkForward).
 */
const ANCHOR_SOURCE = '[$€£¥]|usd|eur|gbp|dollar|buck|pound|cent|penn|quid';
/** A spelling that holds an anchor: lexemes.ts marks such words once, so a scanned text's anchors are found by token. */
export const MONEY_ANCHOR = new RegExp(ANCHOR_SOURCE, 'iu');
const ANCHOR_RE = new RegExp(ANCHOR_SOURCE, 'giu');

/**
 * The amounts in a text. With the text's tokens (from scan()), anchors are
 * looked for only in the tokens that hold one, instead of by a regex over
 * every character: same anchors, same amounts.
 */
export function findAmounts(text: string, tokens?: TokenList): MoneyAmount[] {
  const anchors = tokens ? anchorsInTokens(text, tokens) : anchorsIn(text, 0, text.length);
  const out: MoneyAmount[] = [];
  let pos = 0; // where the previous amount ended: no amount starts before it
  let next = 0; // anchors before this were read already
  for (const anchor of anchors) {
    if (anchor < next) continue;
    const from = walkBack(text, anchor, pos);
    // One character of context each side, so look-behinds and \b see what they see in the whole text.
    const context = from > 0 ? from - 1 : 0;
    const window = text.slice(context, Math.min(text.length, walkForward(text, anchor) + 1));
    const m = firstAmount(window, from - context);
    if (!m || m.index + context > anchor) {
      next = anchor + 1;
      continue;
    }
    const start = m.index + context;
    const end = start + m[0].length;
    pos = end;
    next = end;
    const groups = m.groups ?? {};
    const parsed = parse(groups);
    if (!parsed || isWeight(text, start, end, groups)) continue;
    out.push({ start, end, text: m[0], ...parsed });
  }
  return out;
}

/** Every offset in [from, to) where an anchor starts (overlapping ones too: "usdollar" has two). */
function anchorsIn(text: string, from: number, to: number, out: number[] = []): number[] {
  const span = from === 0 && to === text.length ? text : text.slice(from, to);
  ANCHOR_RE.lastIndex = 0;
  for (let a = ANCHOR_RE.exec(span); a; a = ANCHOR_RE.exec(span)) {
    out.push(from + a.index);
    ANCHOR_RE.lastIndex = a.index + 1;
  }
  return out;
}

/**
 * anchorsIn() by token: an anchor's letters lie within one word, except where
 * the scanner split letters with no space between (glued "ourFREE", one word
 * per Han character), so such runs of touching words are read as one.
 */
function anchorsInTokens(text: string, tokens: TokenList): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let last = i;
    while (last + 1 < tokens.length && tokens.end(last) === tokens.start(last + 1) && tokens.isWord(last) && tokens.isWord(last + 1)) last++;
    if (last > i || tokens.mentionsMoney(i)) anchorsIn(text, tokens.start(i), tokens.end(last), out);
    i = last;
  }
  return out;
}

/**
 * Letters an amount can have on one side of its anchor: before it "a couple
 * of" + "thousand" (17), after it "dollars" or "thousand" (8). Digits,
 * separators and spaces are not limited.
 */
const LETTER_BUDGET = 24;

/** Where an amount containing the anchor at `anchor` can start, at the earliest (never before `pos`). */
function walkBack(text: string, anchor: number, pos: number): number {
  let i = anchor;
  let letters = 0;
  while (i > pos) {
    const c = text.charCodeAt(i - 1);
    if (isLetter(c)) {
      if (++letters > LETTER_BUDGET) break;
    } else if (!isNumberOrSpace(c)) break;
    i--;
  }
  return i;
}

/** Where an amount containing the anchor at `anchor` ends, at the latest. */
function walkForward(text: string, anchor: number): number {
  let i = anchor;
  if (isSign(text.charCodeAt(i))) i++;
  let letters = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      if (++letters > LETTER_BUDGET) break;
    } else if (!isNumberOrSpace(c)) break;
    i++;
  }
  return i;
}

/** Letters the forms can match case-insensitively: ASCII, ſ (s) and the Kelvin sign (k). */
function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x17f || c === 0x212a;
}

function isSign(c: number): boolean {
  return c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0xa5;
}

/** Digits, "." "," "-" "_" and every character \s matches. */
function isNumberOrSpace(c: number): boolean {
  if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x2d || c === 0x5f) return true;
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * The table key of words the forms matched: lower case, with ſ as s. Under
 * its 'iu' flags "dollarſ" matches "dollars" (ſ folds to s, as the Kelvin
 * sign folds to k, which toLowerCase already turns into k), and a key the
 * tables lack crashed the analysis ("hundred dollarſ").
 */
function wordKey(s: string): string {
  const lower = s.toLowerCase();
  return lower.includes('ſ') ? lower.replace(/ſ/g, 's') : lower;
}

function parse(g: Record<string, string | undefined>): Omit<MoneyAmount, 'start' | 'end' | 'text'> | null {
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const scale = (s?: string) => (s ? SCALE[s.trim()] ?? SCALE[wordKey(s.trim())] ?? 1 : 1);
  if (g.sym) return { value: num(g.symNum!) * scale(g.symScale), currency: SYMBOLS[g.sym], approximate: false };
  if (g.postSym) return { value: num(g.postNum!), currency: SYMBOLS[g.postSym], approximate: false };
  if (g.code) return { value: num(g.codeNum!), currency: CODES[wordKey(g.code)], approximate: false };
  if (g.code2) return { value: num(g.codeNum2!), currency: CODES[wordKey(g.code2)], approximate: false };
  if (g.unit) {
    const [currency, unitValue] = UNIT_WORDS[wordKey(g.unit)];
    return { value: num(g.unitNum!) * scale(g.unitScale) * unitValue, currency, approximate: false };
  }
  if (g.wordUnit) {
    const unit = wordKey(g.wordUnit);
    const [currency, unitValue] = UNIT_WORDS[unit];
    const words = wordKey(g.wordNum!).replace(/\s+/g, ' ');
    const n = NUMBER_WORDS[words] * (g.wordScale ? WORD_SCALES[wordKey(g.wordScale.trim())] : 1);
    // "a pound" of coffee and "a buck" are too often not money; "a penny" is.
    if ((words === 'a' || words === 'an') && !g.wordScale && !['penny', 'dollar', 'cent', 'euro'].includes(unit)) return null;
    return { value: n * unitValue, currency, approximate: words.startsWith('a few') || words.startsWith('a couple') };
  }
  return null;
}

/**
 * "pound(s)" is money or weight. Decision (see test/amounts.test.ts): it is
 * money unless the text reads as weight: "10 pounds of rice", "lose 5 pounds".
 * "£" and "GBP" are always money.
 */
function isWeight(text: string, start: number, end: number, groups: Record<string, string | undefined>): boolean {
  const unit = wordKey(groups.unit ?? groups.wordUnit ?? '');
  if (unit !== 'pound' && unit !== 'pounds') return false;
  if (/^\s+of\b/i.test(text.slice(end, end + 4))) return true;
  const before = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start));
  return before !== null && WEIGHT_WORDS.has(before[1].toLowerCase());
}
