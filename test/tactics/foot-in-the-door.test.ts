/**
 * foot-in-the-door, ESLint RuleTester style: `valid` texts yield no finding,
 * `invalid` texts yield one whose words include `covers`, with the rules listed.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf as findingsOfTactic, ruleTester, type InvalidCase } from './rule-tester.js';

const ID = 'foot-in-the-door';

const findingsOf = (text: string) => findingsOfTactic(ID, text);

const valid: Array<[string, string]> = [
  ['a single ask', 'Can you chip in $5 to keep our phones on through election day?'],
  ['a survey with no later ask', 'Take our one-minute survey about your reading habits. We use the answers to plan author talks.'],
  ['a bare DONATE button after the petition', 'The utility wants to raise rates. Sign the petition to tell the commission no.\n\nDONATE NOW\n'],
  ['civic duty, not a small yes the sender asked for', 'You voted in the primary, and it mattered. Will you donate $10 to help us win in November?'],
  ['two asks in one breath', 'Sign the petition and chip in $5 today to stop the highway expansion.'],
  ['a thank-you for an earlier gift, not a small step', 'Thank you for your gift last spring. Will you give again this year?'],
  ['a petition thank-you with no ask', 'Thanks for signing our petition! Today we delivered 10,412 signatures to the mayor.'],
  ['quoted example in a marketing teardown', 'The email opened like this: "First, add your name to the petition. Then, can you chip in $5 to help us deliver it?" A classic.'],
  ['a small ask in the footer after the main ask', 'Will you make a gift of $50 to keep our trails open?\n\nThank you.\n\nPrivacy policy | Unsubscribe\nTell us what you think: take our survey.'],
];

const invalid: InvalidCase[] = [
  {
    name: 'small ask, then a worded money ask',
    text: 'First, add your name to the petition. Then, can you chip in $5 to help us deliver it?',
    covers: 'chip in $5',
    rules: ['small-ask-first', 'bigger-ask-later', 'first-step', 'next-step', 'money-amount'],
  },
  {
    name: 'an ask that leans on a signed petition',
    text: 'Since you signed our petition, will you now chip in $10 to put our ad on the air?',
    covers: 'Since you signed our petition',
    rules: ['prior-compliance', 'bigger-ask-later'],
  },
  {
    name: 'thanks for a survey, then a monthly gift',
    text: 'Thanks for taking our survey! Now, will you become a monthly donor?',
    covers: 'become a monthly donor',
    rules: ['prior-compliance', 'next-step'],
  },
  {
    name: 'a yes to a quick poll, then the next step',
    text: 'You said yes to our quick poll. Will you take the next step and donate?',
    covers: 'donate',
    rules: ['prior-compliance'],
  },
  {
    name: 'a SaaS reply ask, then an upgrade',
    text: 'Hit reply and tell us the feature you want most. Then upgrade to Pro for $12 a month and get it first.',
    covers: 'upgrade to Pro',
    rules: ['small-ask-first', 'next-step'],
  },
  {
    name: 'a raise after a yes in a transcript',
    text: 'Persuader: Even ten cents helps a child.\nPersuadee: Sure, I can do ten cents.\nPersuader: Would you be willing to double that to twenty cents?\nPersuadee: Okay.\n',
    covers: 'double that',
    rules: ['dialogue-escalation'],
  },
];

ruleTester(ID, valid, invalid);

describe(`${ID}: scoring and reasons`, () => {
  it('names the small ask and the bigger ask in its reason', async () => {
    const [f] = await findingsOf('Add your name to our letter. Then, will you give $20 to print it?');
    expect(f.message).toContain('Add your name');
    expect(f.message).toContain('give $20');
  });

  it('scores a distant, unmarked sequence lower than a close one with step words', async () => {
    const filler = ' Our coalition has testified at every hearing since 2019. Branch hours were cut again. Children lost homework help.';
    const [far] = await findingsOf(`Please sign the pledge to protect libraries.${filler} With the vote near, can you give $25 to help?`);
    const [near] = await findingsOf('First, sign the pledge to protect libraries. Then, can you give $25 to help?');
    expect(far.confidence).toBeGreaterThanOrEqual(0.5);
    expect(near.confidence).toBeGreaterThan(far.confidence);
  });
});
