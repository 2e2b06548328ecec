import { describe, expect, it } from 'vitest';
import { findingsOf, runCases } from './gift-cases.js';

describe('thats-not-all', () => {
  runCases(
    'thats-not-all',
    [
      { text: "The knife set is just $39. But wait, there's more! Call now and we'll double your order.", finding: "there's more" },
      { text: "Get the storage set for $29. And that's not all: order today and we'll also include a second set free.", finding: "that's not all" },
      { text: "Subscribe for $24 a year. Plus, as a bonus, you'll get our pruning calendar.", finding: 'as a bonus' },
      { text: "The phone is $499. We'll even throw in a case at no extra cost.", finding: 'throw in' },
      { text: 'Coats are 20% off. On top of the 20% off, take an extra 10% at checkout.', finding: 'take an extra' },
      { text: "Donate $25 today and we'll send you our new station mug.", finding: 'mug' },
      { text: 'This week only, get a free canvas tote with every order.', finding: 'free canvas tote' },
      { text: "Please give $20 today. And that's not all: for the next hour, every gift will be doubled.", finding: "that's not all" },
      { text: 'Become a member today and receive a free tote bag.', finding: 'free tote bag' },
      { text: 'The set is $79. We will even throw in the matching steak knives at no extra cost.', finding: 'throw in' },
    ],
    [
      { text: 'Save 20% on all rain jackets until Sunday. Shop now.', why: 'single plain offer' },
      { text: 'The plan covers engine repairs. It also includes roadside assistance.', why: 'feature list' },
      { text: 'Free returns, always. Free shipping on orders over $50.', why: 'store policy' },
      { text: 'Buy one, get one free on all socks, every day.', why: 'BOGO store policy' },
      { text: 'Your gift will be TRIPLED by our board. Please donate now.', why: 'matching alone' },
      { text: "Plus, we've moved to a new office. Please donate to our spring drive.", why: 'plus without added value' },
      { text: 'In addition, our office will be closed on Monday.', why: 'connective without an offer' },
      { text: 'Thank you for your order! Your free bonus socks are included with your order. Amount paid: $58.00', why: 'receipt' },
      { text: 'We even said we would throw in the prize money if they added a new category.', why: 'reported offer' },
      {
        text: 'Researchers call it the "that\'s not all" technique. Marketers rely on this persuasion tactic in infomercials: but wait, there\'s more!',
        why: 'about persuasion',
      },
      { text: 'Annual bonuses will be paid with the December salary.', why: 'bonus as pay' },
      { text: 'Double Your Life Insurance at NO EXTRA COST', why: 'a headline price claim, nothing stacked on an offer' },
    ],
  );

  it('a premium found without the word "free" still names the gift', async () => {
    const [f] = await findingsOf('Sponsors will receive a signed copy of the book.', 'thats-not-all');
    expect(f.text).toContain('copy');
    expect(f.message).toMatch(/in return for the purchase or donation/);
  });

  it('a stacking phrase with the added value named scores high', async () => {
    const [f] = await findingsOf("Order the course today for $149. As a special bonus, you'll also receive a free copy of our handbook.", 'thats-not-all');
    expect(f.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
