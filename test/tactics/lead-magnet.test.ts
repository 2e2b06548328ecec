import { describe, expect, it } from 'vitest';
import { findingsOf, runCases } from './gift-cases.js';

describe('lead-magnet', () => {
  runCases(
    'lead-magnet',
    [
      { text: 'Download our free 30-page guide, just enter your email.', finding: 'free 30-page guide' },
      { text: "Get the checklist: subscribe and we'll send it straight to your inbox.", finding: 'checklist' },
      { text: 'Register for our free masterclass on Thursday.', finding: 'free masterclass' },
      { text: 'Join our free webinar next week. Save your seat now.', finding: 'free webinar' },
      { text: 'Sign up for our free 5-day email course.', finding: 'free 5-day email course' },
      { text: 'Get the free budget template. Enter your name and email to download it.', finding: 'free budget template' },
      { text: 'Take our skin quiz, then enter your email to see your results.', finding: 'quiz' },
      { text: 'Get your free copy of our salary report. Just tell us where to send it: enter your work email.', finding: 'salary report' },
      { text: 'For FREE information, fill out the form below and we will mail it to you.', finding: 'FREE information' },
    ],
    [
      { text: 'Subscribe to our newsletter for updates on park events.', why: 'newsletter with nothing in return' },
      { text: 'Sign up for our free newsletter.', why: 'a free newsletter is the subscription itself' },
      { text: 'Our composting guide is on the blog. Read it online, no sign-up needed.', why: 'no sign-up' },
      { text: 'Here is our free guide to composting. Share it with friends.', why: 'content with no sign-up' },
      { text: 'Register now for our eight-week pottery course. Tuition is $240.', why: 'paid course' },
      { text: 'Register now for the annual conference. Tickets are $199 for members.', why: 'paid event' },
      { text: 'Sign up for a volunteer shift at the food bank.', why: 'no content offered' },
      { text: 'For more information, fill out the form below.', why: 'a contact form, nothing offered' },
      {
        text: "As a thank-you for being a subscriber, here's a free e-book of our recipes. Please consider a donation.",
        why: 'already a subscriber: no sign-up asked',
        instead: 'freebie',
      },
      { text: 'Our annual report is out on our website.\n\nAlso, register to vote by October 10.', why: 'report mentioned, unrelated sign-up' },
      {
        text: 'A lead magnet is a free guide marketers offer for your email address. Researchers say the tactic works because of reciprocity.',
        why: 'about persuasion',
      },
      { text: 'Look at this ad:\n\n> Download our free guide today!\n> Just enter your email below.\n\nSilly, right?', why: 'quoted' },
    ],
  );

  it('says what is traded for what', async () => {
    const [f] = await findingsOf('Download our free guide to saving, just enter your email address below.', 'lead-magnet');
    expect(f.message).toBe('Offers a free guide in exchange for your e-mail address.');
    expect(f.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('content with a sign-up but no free and no offering verb stays below the threshold', async () => {
    expect(await findingsOf('Register for the training webinar for precinct captains.', 'lead-magnet')).toEqual([]);
  });
});
