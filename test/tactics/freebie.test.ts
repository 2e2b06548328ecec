import { describe, expect, it } from 'vitest';
import { findingsOf, runCases } from './gift-cases.js';

describe('freebie', () => {
  runCases(
    'freebie',
    [
      { text: "We've enclosed a set of address labels as our gift to you. Will you donate $20 today?", finding: "we've enclosed" },
      { text: 'Here is a free sample of our new serum, no strings attached. Order the full size today.', finding: 'free sample' },
      { text: 'Enjoy a complimentary consultation with one of our advisors. Book your appointment now.', finding: 'complimentary consultation' },
      { text: 'Get a FREE no-obligation quote in minutes. Call 555-0100 today.', finding: 'FREE no-obligation quote' },
      { text: 'Start your free 30-day trial. After that, plans start at $9 a month. Subscribe now.', finding: 'free 30-day trial' },
      { text: 'Request a free case evaluation from our attorneys. Call us today.', finding: 'free case evaluation' },
      { text: 'Your first coffee is on the house. Sign up for our rewards app.', finding: 'on the house' },
    ],
    [
      { text: 'Feel free to reply if you have questions about the invoice. Please pay by Friday.', why: 'feel free' },
      { text: 'Call our toll-free number to order our sugar-free, gluten-free cookies.', why: 'hyphenated senses' },
      { text: 'Free shipping on orders over $50. Shop now.', why: 'price term' },
      { text: 'Buy one, get one free on all socks, every day. Shop now.', why: 'store policy' },
      { text: "We've enclosed a calendar as a small thank-you. Happy new year from all of us.", why: 'no ask anywhere' },
      { text: 'Thank you for your order. Your order includes a free sample. Amount paid: $42.00. Order again soon.', why: 'receipt' },
      { text: 'Good journalism is not free. Subscribe today for $5 a month.', why: 'negated' },
      { text: "Good journalism isn't free. Subscribe today for $5 a month.", why: "negated with n't" },
      { text: 'Protect free speech and free and fair elections. Donate $10 today.', why: 'political senses' },
      { text: 'In your free time, volunteer with us. Sign up at the front desk.', why: 'free time' },
      { text: 'Admission is free of charge. Please register at the door.', why: 'free of charge as a plain price term' },
      { text: "Donate $25 and we'll send you our station mug. Give now.", why: 'premium', instead: 'thats-not-all' },
      { text: 'Get a free tote with every order this week. Shop now.', why: 'premium with every order', instead: 'thats-not-all' },
      { text: 'Download our free guide: just enter your email below.', why: 'content for a sign-up', instead: 'lead-magnet' },
      {
        text: 'Marketers know a free gift makes people buy. Researchers call reciprocity one of the oldest persuasion tactics. Donate to our study.',
        why: 'about persuasion',
      },
      { text: 'She wrote: "Claim your free gift today and donate to our cause." It was a scam, of course.', why: 'quoted' },
    ],
  );

  it('one finding per occurrence, each over its own gift', async () => {
    const found = await findingsOf('Claim your free gift today. Later, enjoy a complimentary consultation. Donate now.', 'freebie');
    expect(found).toHaveLength(2);
    expect(found[0].text).toContain('free gift');
    expect(found[1].text).toBe('complimentary consultation');
  });

  it('a clear gift scores high and a bare "free" with an ask stays borderline', async () => {
    const [clear] = await findingsOf("Here's a free sample of our serum, no strings attached. Order today.", 'freebie');
    expect(clear.confidence).toBeGreaterThanOrEqual(0.8);
    const [bare] = await findingsOf('Get in here for FREE now! Join today.', 'freebie');
    expect(bare.confidence).toBeGreaterThanOrEqual(0.5);
    expect(bare.confidence).toBeLessThan(0.8);
  });

  it('names the gift in its reason', async () => {
    const [f] = await findingsOf('Request a free home inspection. Call us today.', 'freebie');
    expect(f.message).toMatch(/free .*inspection/i);
  });
});
