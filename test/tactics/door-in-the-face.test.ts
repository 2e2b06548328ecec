/**
 * door-in-the-face, ESLint RuleTester style: `valid` texts yield no finding,
 * `invalid` texts yield one whose words include `covers`, with the rules listed.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf as findingsOfTactic, ruleTester, type InvalidCase } from './rule-tester.js';

const ID = 'door-in-the-face';

const findingsOf = (text: string) => findingsOfTactic(ID, text);

const valid: Array<[string, string]> = [
  ['an amount menu', 'Give to the spring appeal\n\n$10 / $25 / $50 / Other\n\nEvery gift feeds a family.'],
  ['descending amounts in one breath, even with "even just"', 'Can you give $50, $25, or even just $5 today to help us reach our goal?'],
  ['a fallback to a bigger commitment', 'Please give $30 this week. If you can\'t give today, will you volunteer for a weekend shift?'],
  ['a small ask alone', 'Chip in $5 to keep our campaign going. Even a penny helps!'],
  ['a single ask', 'Please give $100 to the scholarship fund before June 1.'],
  ['"if you can\'t" about something other than the ask', 'Join us at the gala on May 3. If you can\'t make it, we\'ll miss you!'],
  ['a bigger amount in the fallback', 'Can you give $10 a month? If you can\'t, could you make a one-time gift of $120 instead?'],
  ['a transcript with no bigger ask before the small one', 'Persuader: Would you like to donate to Save the Children?\nPersuadee: No, I can\'t right now.\nPersuader: Even a few cents would help.\nPersuadee: Maybe next time.\n'],
  ['an article about the technique', 'In a famous study, researchers asked students to volunteer for two years. When they refused, the researchers asked if they would instead chaperone one zoo trip. Psychologists call this tactic rejection-then-retreat, and marketers use the technique often.'],
];

const invalid: InvalidCase[] = [
  {
    name: 'a big amount, then "if that\'s too much"',
    text: 'Can you give $250 today? If that\'s too much, even $25 makes a difference.',
    covers: 'even $25',
    rules: ['retreat-worded', 'bigger-ask-before', 'smaller-amount'],
  },
  {
    name: 'a commitment named in the condition',
    text: 'If you can\'t become a monthly sustainer, would you consider a one-time gift of $5?',
    covers: 'one-time gift of $5',
    rules: ['retreat-worded', 'condition-names-ask', 'fallback-ask'],
  },
  {
    name: 'not ready for the annual plan',
    text: 'Not ready to buy the annual plan? Try the monthly one for just $9.',
    covers: 'monthly one',
    rules: ['retreat-worded', 'condition-names-ask'],
  },
  {
    name: 'a retreat to a smaller non-money ask',
    text: 'We need $40,000 to get our film into schools. Please give today. If you can\'t give right now, please share this video.',
    covers: 'share this video',
    rules: ['retreat-worded', 'smaller-non-money'],
  },
  {
    name: 'a transcript: large ask, no, then less',
    text: 'Persuader: Would you donate your whole $2 bonus?\nPersuadee: No, that is too much for me.\nPersuader: How about just $0.50?\nPersuadee: Okay.\n',
    covers: '$0.50',
    rules: ['dialogue-refusal', 'smaller-amount'],
  },
  {
    name: 'a step back in a separate sentence',
    text: 'This year we ask members to pledge $500 to the building fund. At least $50 keeps the lights on.',
    covers: 'At least $50',
    rules: ['softener-step', 'smaller-amount'],
    min: 0.5,
  },
];

ruleTester(ID, valid, invalid);

describe(`${ID}: scoring and reasons`, () => {
  it('states both amounts in its reason', async () => {
    const [f] = await findingsOf('Can you give $250 today? If that\'s too much, even $25 makes a difference.');
    expect(f.message).toBe('Asks for $250, then retreats ("If that\'s too much") to $25 so the smaller ask feels like a concession.');
  });

  it('a bare step back ("at least") scores lower than a worded condition', async () => {
    const [soft] = await findingsOf('Please pledge $500 to the building fund. At least $50 keeps the lights on.');
    const [worded] = await findingsOf('Please pledge $500 to the building fund. If that is too much, at least $50 keeps the lights on.');
    expect(soft.confidence).toBeLessThan(0.8);
    expect(worded.confidence).toBeGreaterThan(soft.confidence);
  });
});
