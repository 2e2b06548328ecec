/**
 * obligation, ESLint RuleTester style: `valid` texts yield no finding,
 * `invalid` texts yield one whose words include `covers`, with the rules listed.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf as findingsOfTactic, ruleTester, type InvalidCase } from './rule-tester.js';

const ID = 'obligation';

const findingsOf = (text: string) => findingsOfTactic(ID, text);

const valid: Array<[string, string]> = [
  ['a plain thank-you with no ask', 'Thank you for being part of our community this year. We could not have done it without you.'],
  ['"give back to your community" as a slogan', 'Give back to your community: volunteer at the food drive on Saturday.'],
  ['a track record, not a favor to the reader', 'For 30 years I have fought for working families in this district. Please vote for me on Tuesday.'],
  ['thanks for the reader\'s own gift', 'Thank you for your generous gift last year. Will you renew your support today?'],
  ['a premium "in return"', 'Donate $50 and, in return, we\'ll send you our tote bag.'],
  ['pay it forward', 'Someone paid for your coffee today. Pay it forward: buy a coffee for the next person!'],
  ['a delivered order', 'Good news: your order has been delivered. Please rate your purchase and tell us how we did.'],
  ['the sender thanking the reader with a gift', "As a thank-you for being part of our community, we've sent you a free tote bag. Our shelters need help this spring. Will you give $30 today?"],
  ['a thank-you gift for the reader\'s support', "As a thank-you for your support last year, we've enclosed a set of cards. Could you renew your membership before March 1?"],
  ['a gift just sent, then a plain ask (a freebie)', "We've sent you a free wall calendar for every month of 2027. Please send a gift of $25 today."],
  ['a quoted letter in an article', 'Letters often lean on guilt. "After all we\'ve done for you, won\'t you give just $20?" one read. Researchers say this obligation tactic backfires, and marketers are rethinking it.'],
];

const invalid: InvalidCase[] = [
  {
    name: 'kept the site free, now give back',
    text: 'For 10 years we\'ve kept this site free for you. Today we ask you to give back.',
    covers: 'kept this site free',
    rules: ['favor-done', 'free-to-reader', 'give-back', 'ask-near'],
  },
  {
    name: 'stood by you, stand with us',
    text: 'We\'ve stood by you. Will you stand with us now?',
    covers: 'stood by you',
    rules: ['favor-done', 'give-back'],
  },
  {
    name: 'free newsletter, return the favor',
    text: 'You\'ve received our free newsletter every week. Please return the favor with a donation.',
    covers: 'return the favor',
    rules: ['reader-enjoyed', 'return-favor', 'free-to-reader'],
  },
  {
    name: 'after all we\'ve done',
    text: 'After all we\'ve done for this neighborhood, we\'re counting on you to renew your membership.',
    covers: 'After all we\'ve done',
    rules: ['debt', 'ask-near'],
  },
  {
    name: 'enjoyed free content, now we need you',
    text: 'You\'ve enjoyed our free recipes for years, and now we need you. Become a member for $5 a month.',
    covers: 'enjoyed our free recipes',
    rules: ['reader-enjoyed', 'give-back'],
  },
  {
    name: 'a gift sent every week, then an ask',
    text: 'Every week for three years we\'ve sent you free lesson plans. Will you chip in $5 today?',
    covers: 'sent you free',
    rules: ['favor-done', 'free-to-reader', 'ask-near'],
    // An asserted favor and a plain ask, no "return" words: borderline (see "scoring" below).
    min: 0.7,
  },
  {
    name: 'a gift sent, then "repay us"',
    text: 'We\'ve sent you a free guide to winter birds. Please repay us by sharing it with a friend.',
    covers: 'sent you a free',
    rules: ['favor-done', 'return-favor'],
  },
  {
    name: 'thanks for our service, please (the reader thanking the sender)',
    text: 'As a thank-you for our free service, please leave us a review.',
    covers: 'As a thank-you for',
    rules: ['return-favor', 'ask-near'],
    min: 0.7,
  },
];

ruleTester(ID, valid, invalid);

describe(`${ID}: scoring and reasons`, () => {
  it('a favor with a plain ask and no "return" words is borderline, not clear', async () => {
    const [f] = await findingsOf('We\'ve been there for you for twenty years. Please donate today.');
    expect(f.confidence).toBeGreaterThanOrEqual(0.5);
    expect(f.confidence).toBeLessThan(0.8);
  });

  it('a supposed favor ("if you\'ve enjoyed…") weighs less than an asserted one', async () => {
    expect(await findingsOf("If you've enjoyed our newsletter, please consider supporting us.")).toEqual([]);
    const [asserted] = await findingsOf("You've enjoyed our newsletter for years. Please consider supporting us.");
    expect(asserted.rules).not.toContain('conditional-favor');
  });

  it('"give back" without any favor done is not enough', async () => {
    expect(await findingsOf('Give back today: donate to the spring appeal.')).toEqual([]);
  });
});
