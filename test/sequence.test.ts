/**
 * Unit tests of the sequence rules the ask-sequence tactics are built from:
 * requests vs statements, template furniture, footers, transcript speakers,
 * and the order logic of each tactic.
 */
import { describe, expect, it } from 'vitest';
import { matcherFor } from '../src/engine/analyze.js';
import { DocContext } from '../src/engine/context.js';
import { conditionClause, fallbackOf, priorAsk, softenerSteps, wordedRetreats } from '../src/tactics/door-in-the-face.js';
import { biggerAskIn, dialogueEscalation, leansOnCompliance, smallAsks, smallThenBigger } from '../src/tactics/foot-in-the-door.js';
import { askNear, favorThenAsk } from '../src/tactics/obligation.js';
import { footerStart, isButtonLine, isDialogue, isRequestAt, speakerOf } from '../src/tactics/rules.js';

const docOf = (text: string) => new DocContext(text, matcherFor());
const wordIndex = (doc: DocContext, word: string) => doc.tokens.slice().findIndex((t) => t.norm === word);
const slice = (doc: DocContext, c: { start: number; end: number }) => doc.text.slice(c.start, c.end);

describe('isRequestAt', () => {
  it('reads imperatives, questions to the reader and request words as requests', () => {
    for (const [text, word] of [
      ['Donate today.', 'donate'],
      ['Now, please chip in $5.', 'chip'],
      ['Will you give $10?', 'give'],
      ["We're counting on you to renew.", 'renew'],
    ] as const) {
      const doc = docOf(text);
      expect(isRequestAt(doc, 0, wordIndex(doc, word)), text).toBe(true);
    }
  });

  it('does not read statements as requests', () => {
    for (const [text, word] of [
      ['Last year 300 people donate every month.', 'donate'],
      ['Our members give generously.', 'give'],
    ] as const) {
      const doc = docOf(text);
      expect(isRequestAt(doc, 0, wordIndex(doc, word)), text).toBe(false);
    }
  });
});

describe('isButtonLine', () => {
  it('treats short unpunctuated or shouted lines as template furniture', () => {
    const doc = docOf('DONATE NOW\n\nChip in »\n\nSign the petition now.\n\nPLEASE GIVE WHAT YOU CAN TODAY TO HELP');
    expect(doc.sentences.map((s) => isButtonLine(doc, s.index))).toEqual([true, true, false, true]);
  });
});

describe('footerStart', () => {
  it('finds the footer in the second half of the text, not an early mention', () => {
    const doc = docOf('Hello. Sign the petition. Thanks. Read more. Paid for by Friends of Ann. Unsubscribe.');
    expect(doc.sentenceText(footerStart(doc))).toBe('Paid for by Friends of Ann.');
    const early = docOf('Unsubscribe anytime. Sign the petition. Then chip in $5. Thanks. Bye now.');
    expect(footerStart(early)).toBe(early.sentences.length);
  });
});

describe('transcripts', () => {
  const text = 'Persuader: Hi there\nPersuadee: Hello\nPersuader: Will you donate $1?\nPersuadee: No thanks\n';
  it('splits turns into sentences and knows who speaks', () => {
    const doc = docOf(text);
    expect(isDialogue(doc)).toBe(true);
    expect(doc.sentences.map((s) => speakerOf(doc, s.index))).toEqual(['Persuader', 'Persuadee', 'Persuader', 'Persuadee']);
  });

  it('does not take a text with one "Note:" line for a transcript', () => {
    expect(isDialogue(docOf('Note: the office is closed. Please call Monday.'))).toBe(false);
  });

  it('does not take the header block of a forwarded message for a conversation, in English or German', () => {
    const header = 'From: Trails <news@example.org>\nDate: Tue, 10 Mar 2026\nSubject: Next step\nTo: Sam <sam@example.com>\n\nWill you chip in $15?';
    expect(isDialogue(docOf(header))).toBe(false);
    expect(isDialogue(docOf(header + '\n\n' + header))).toBe(false); // forwarded twice: every field twice
    expect(isDialogue(docOf('Von: Anna\nAn: Ben\nBetreff: Hallo\nDatum: heute\n\nText'))).toBe(false);
  });

  it('needs two speakers who each take two turns', () => {
    expect(isDialogue(docOf('Alex: Hi\nSam: Hello\nKim: Hey\nLee: Yo\n'))).toBe(false);
    expect(isDialogue(docOf('Alex: Hi\nSam: Hello\nAlex: Will you give?\nSam: No\n'))).toBe(true);
  });

  it('still reads a transcript that was forwarded with its header', () => {
    const doc = docOf('From: Desk <d@example.org>\nSubject: Chat log\n\n' + text);
    expect(isDialogue(doc)).toBe(true);
    expect(speakerOf(doc, doc.sentences.length - 1)).toBe('Persuadee');
  });
});

describe('foot-in-the-door sequence', () => {
  it('takes only requested small steps, not reports of them', () => {
    const doc = docOf('We asked people who signed the petition. Sign the petition today.');
    expect(smallAsks(doc).map((h) => slice(doc, h))).toEqual(['Sign the petition']);
  });

  it('counts a petition button as a small ask but not a bare social-media bar', () => {
    const button = docOf('ADD YOUR NAME »\n\nFollow us on Twitter\n\nWe need to fight back. Can you chip in $5?');
    expect(smallAsks(button).map((h) => slice(button, h))).toEqual(['ADD YOUR NAME']);
    const worded = docOf('Please follow us on Twitter to stay in the loop.');
    expect(smallAsks(worded).map((h) => slice(worded, h))).toEqual(['follow us']);
  });

  it('finds the bigger ask after the small one, not before it', () => {
    const after = docOf('Add your name to the letter. Then, can you chip in $5?');
    expect(smallThenBigger(after)).toHaveLength(1);
    const before = docOf('Can you chip in $5? Also, add your name to the letter.');
    expect(smallThenBigger(before)).toEqual([]);
  });

  it('stops looking after the follow window', () => {
    const filler = Array.from({ length: 20 }, (_, i) => `Fact number ${i + 1} about the river.`).join(' ');
    expect(smallThenBigger(docOf(`Add your name to the letter. ${filler} Can you chip in $5?`))).toEqual([]);
  });

  it('reads the imperative verb, not a noun or past tense at the head of a sentence', () => {
    expect(biggerAskIn(docOf('Volunteers knocked on 5,000 doors.'), 0)).toBeNull();
    expect(biggerAskIn(docOf('Donations are tax deductible.'), 0)).toBeNull();
    expect(biggerAskIn(docOf('Volunteer with us on Saturday.'), 0)).not.toBeNull();
  });

  it('needs "give" to come with an amount to count as a money ask', () => {
    const withAmount = docOf('Please give $10 today.');
    expect(biggerAskIn(withAmount, 0)).not.toBeNull();
    const feedback = docOf('Please give us your feedback today.');
    expect(biggerAskIn(feedback, 0)).toBeNull();
  });

  it('leans on compliance only within a few sentences', () => {
    const near = docOf('Since you signed our petition, will you chip in $10?');
    expect(leansOnCompliance(near)[0].rules).toContain('prior-compliance');
    const far = docOf('Since you signed our petition, a lot happened. One. Two. Three. Four. Five. Will you chip in $10?');
    expect(leansOnCompliance(far)).toEqual([]);
  });

  it('escalates in a transcript only after the other side said yes', () => {
    const yes = docOf('Persuader: Even 25 cents helps.\nPersuadee: Sure, I can do that.\nPersuader: Would you double that to 50 cents?\nPersuadee: Ok\n');
    expect(dialogueEscalation(yes)).toHaveLength(1);
    const no = docOf('Persuader: Even 25 cents helps.\nPersuadee: Hmm, let me think.\nPersuader: Would you double that to 50 cents?\nPersuadee: Ok\n');
    expect(dialogueEscalation(no)).toEqual([]);
  });
});

describe('door-in-the-face sequence', () => {
  it('reads the condition clause up to the comma and the fallback after it', () => {
    const doc = docOf("If you can't give right now, please share this video.");
    const hit = doc.cue('door-in-the-face.retreat')[0];
    const clause = conditionClause(doc, hit);
    expect(doc.tokens.slice(clause.from, clause.to).map((t) => t.raw).join(' ')).toBe("If you can't give right now");
    const fb = fallbackOf(doc, hit, clause)!;
    expect(doc.tokens.slice(fb.range.from, fb.range.to).filter((t) => t.kind === 'word').map((t) => t.raw)).toEqual(['please', 'share', 'this', 'video']);
  });

  it('takes the next sentence as the fallback when the condition ends its own', () => {
    const doc = docOf('Upgrade to Enterprise for $99. Not ready for that? Start with Pro at $19.');
    const c = wordedRetreats(doc);
    expect(c).toHaveLength(1);
    expect(slice(doc, c[0])).toBe('Not ready for that? Start with Pro at $19.');
    expect(c[0].rules).toContain('smaller-amount');
  });

  it('finds the bigger ask in the sentences before, skipping amount menus', () => {
    const doc = docOf('Will you give $100? Our work matters. If that is too much, give $10.');
    expect(priorAsk(doc, 2, doc.sentences[2].start)?.sentence).toBe(0);
    const menu = docOf('Give $10, $25, $50 or more. If that is too much, give $5.');
    expect(priorAsk(menu, 1, menu.sentences[1].start)).toBeNull();
  });

  it('drops a fallback that asks for more than the first ask', () => {
    expect(wordedRetreats(docOf("Can you give $10? If you can't, give $120 instead."))).toEqual([]);
    expect(wordedRetreats(docOf("Can you give $120? If you can't, give $10 instead."))).toHaveLength(1);
  });

  it('needs the fallback to say it is smaller', () => {
    expect(wordedRetreats(docOf("Join us at the rally. If you can't make it, please donate instead."))).toEqual([]);
    expect(wordedRetreats(docOf("Join us at the rally. If you can't make it, please share the livestream."))).toHaveLength(1);
  });

  it('reads "not ready to" as a step back only as an opening or after "if"', () => {
    expect(wordedRetreats(docOf("We're not ready to give up. Even $5 helps."))).toEqual([]);
    expect(wordedRetreats(docOf("If you're not ready to commit to $20 a month, even $5 helps."))).toHaveLength(1);
  });

  it('reads "If not," as a step back only when it opens the sentence', () => {
    expect(wordedRetreats(docOf('Can you pitch in $50? If not, could you pitch in $10?'))).toHaveLength(1);
    expect(wordedRetreats(docOf('Can you pitch in $50? We win if not everyone waits, so give $10.'))).toEqual([]);
  });

  it('counts a step back only as its own sentence after a bigger request', () => {
    expect(softenerSteps(docOf('Can you give $50? At least $5 would help.'))).toHaveLength(1);
    expect(softenerSteps(docOf('Can you give $50, $25, or at least $5?'))).toEqual([]);
    expect(softenerSteps(docOf('We raised $50 last year. At least $5 came from kids.'))).toEqual([]);
  });
});

describe('obligation sequence', () => {
  it('finds the ask after the favor within the window', () => {
    const doc = docOf("We've been there for you. Please donate today.");
    expect(askNear(doc, 0, 1)).not.toBeNull();
    expect(favorThenAsk(doc)[0].rules).toEqual(['favor-done', 'ask-near']);
  });

  it('ignores "give back" used as a community slogan', () => {
    const doc = docOf("We've been there for you. Give back to your community this weekend.");
    expect(askNear(doc, 0, 1)).toBeNull();
  });

  it('needs something free or ours for "you\'ve enjoyed" to be a favor', () => {
    expect(favorThenAsk(docOf("You've enjoyed the sunny weather. Please donate today."))).toEqual([]);
    expect(favorThenAsk(docOf("You've enjoyed our free podcast. Please donate today."))).toHaveLength(1);
  });
});
