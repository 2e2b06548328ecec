import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { htmlPart, isHidingStyle } from '../../src/decode/html.js';
import { isHidden, positionOf, rangeOf, sliceRange, sourceOf } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'decode');

describe('HTML text extraction', () => {
  it('joins inline tags without a space and maps the words back to the source', () => {
    const html = '<p>We are giving a FREE<b> gift</b> to you.</p>';
    const part = htmlPart('body', html);
    expect(part.text).toBe('We are giving a FREE gift to you.');
    expect(sourceOf(part, 'FREE gift')).toBe('FREE<b> gift');
  });

  it('decodes entities and maps each to its whole entity', () => {
    const html = '<p>Tom &amp; Jerry&#39;s&nbsp;fund &#x2014; now</p>';
    const part = htmlPart('body', html);
    expect(part.text).toBe("Tom & Jerry's fund — now");
    expect(sourceOf(part, '&')).toBe('&amp;');
    expect(sourceOf(part, "Jerry's")).toBe('Jerry&#39;s');
    expect(sourceOf(part, '—')).toBe('&#x2014;');
  });

  it('breaks lines at <br> and separates blocks, collapsing source whitespace', () => {
    const html = '<div>\n  <h2>Spring\n   letter</h2>\n  <p>One<br>two</p><ul><li>a</li><li>b</li></ul></div>';
    expect(htmlPart('body', html).text).toBe('Spring letter\n\nOne\ntwo\n\na\nb');
  });

  it('skips script, style, template, noscript, head (but not its title) and comments', () => {
    const html =
      '<html><head><title>Title words</title><meta name="x" content="head words"><style>p{}</style></head>' +
      '<body><script>var s = "script words";</script><template>template words</template>' +
      '<noscript>noscript words</noscript><!-- comment words --><p>Body words</p></body></html>';
    expect(htmlPart('body', html).text).toBe('Title words\n\nBody words');
  });

  it('reads image alt text in place and title attributes after the body', () => {
    const html = '<p>Look <img src="x.png" alt="a seed &amp; packet"> here, <a title="Tooltip words" href="#">link</a> end.</p>';
    const part = htmlPart('body', html);
    expect(part.text).toBe('Look a seed & packet here, link end.\n\nTooltip words');
    expect(sourceOf(part, 'a seed & packet')).toBe('a seed &amp; packet');
    expect(sourceOf(part, 'Tooltip words')).toBe('Tooltip words');
  });

  it('marks hidden preheaders but still analyses their text', () => {
    const html =
      '<div style="display:none">pre one</div><p>shown one</p>' +
      '<span style="font-size:1px; color:#fff">pre two</span><p>shown two</p>' +
      '<div style="max-height:0;overflow:hidden">pre three</div><p style="font-size:10px">shown three</p>' +
      '<div style="opacity: 0">pre four</div><div style="mso-hide:all">pre five</div><div style="visibility:hidden">pre six</div>';
    const part = htmlPart('body', html);
    for (const words of ['pre one', 'pre two', 'pre three', 'pre four', 'pre five', 'pre six']) {
      expect(part.text).toContain(words);
      expect(isHidden(part, words), words).toBe(true);
    }
    for (const words of ['shown one', 'shown two', 'shown three']) expect(isHidden(part, words), words).toBe(false);
  });

  it('tells hiding styles from look-alikes', () => {
    expect(isHidingStyle('font-size:0')).toBe(true);
    expect(isHidingStyle('font-size: 1px !important;')).toBe(true);
    expect(isHidingStyle('font-size:10px')).toBe(false);
    expect(isHidingStyle('font-size:14px;opacity:0.9')).toBe(false);
    expect(isHidingStyle('max-height:0')).toBe(false);
    expect(isHidingStyle('max-height:0px; overflow:hidden')).toBe(true);
  });
});

describe('HTML newsletter fixture', () => {
  const path = join(FIXTURES, 'newsletter.html');
  const source = readFileSync(path, 'utf8');

  it('reports findings at the words in the HTML file, hidden preheader flagged, nothing from script/template/noscript/comments', async () => {
    const [report] = await analyze(readFileSync(path), { path });
    expect(report.format).toBe('html');
    const freebies = report.findings.filter((f) => f.tactic === 'freebie');
    // Each finding's text is the source at its position.
    for (const f of report.findings) expect(sliceRange(source, f)).toBe(f.text);
    const lines = freebies.map((f) => f.line);
    expect(lines).toEqual([11, 14, 16]);
    const [preheader, body, tooltip] = freebies;
    expect(preheader.hidden).toBe(true);
    expect(positionOf(preheader)).toEqual({
      line: 11,
      column: 56,
      endLine: 11,
      endColumn: 108,
      text: "We've enclosed a free seed packet as our gift to you",
    });
    expect(body.hidden).toBeUndefined();
    // The entity and the inline <b> are inside the words: the source slice keeps them.
    expect(positionOf(body)).toEqual({
      line: 14,
      column: 4,
      endLine: 14,
      endColumn: 67,
      text: "We&#39;ve enclosed a FREE<b> seed packet</b> as our gift to you",
    });
    expect(tooltip.text).toContain('free trowel');
    expect(rangeOf(source, 'free trowel').line).toBe(tooltip.line);
  });
});
