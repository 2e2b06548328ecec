/**
 * Markup built to break parsers: HTML nested 100,000 deep, unclosed tags,
 * attributes and comments, Markdown nested past what its parser handles in
 * linear time. Each is analysed (or reported with a clear error) beside a real
 * tactic file whose finding must appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, crashed, hasTactic, reportsOf, runCli, TACTIC_TEXT, workspace, type Workspace } from './harness.js';

let ws: Workspace;
beforeAll(() => {
  ws = workspace('markup');
});
afterAll(() => ws.remove());

/** Runs the CLI on `inputs` and the tactic file; asserts no crash and the tactic file's finding; returns the reports. */
async function runBeside(inputs: string[]) {
  const run = await runCli(['-f', 'jsonl', ...inputs, ws.tactic]);
  expect(crashed(run), run.stderr).toBe(false);
  expect([1, 2]).toContain(run.status);
  const reports = reportsOf(run);
  expect(hasTactic(reports.get(ws.tactic))).toBe(true);
  for (const path of inputs) expect(reports.has(path), path).toBe(true);
  return reports;
}

describe('HTML', () => {
  it('nested 100,000 deep, the tactic at the bottom', async () => {
    const path = ws.write('deep.html', '<div>'.repeat(100_000) + `<p>${TACTIC_TEXT}</p>`);
    const reports = await runBeside([path]);
    expect(reports.get(path)?.error).toBeNull();
    expect(hasTactic(reports.get(path))).toBe(true);
  }, budget(1));

  it('nesting cannot hide words: 1,000 levels inside <template>, closed, then the tactic', async () => {
    const path = ws.write('deep-template.html', '<template>' + '<span>'.repeat(1000) + '</span>'.repeat(1000) + `</template><p>${TACTIC_TEXT}</p>`);
    const reports = await runBeside([path]);
    expect(hasTactic(reports.get(path))).toBe(true);
  }, budget(1));

  it('unclosed tags, attributes, comments and CDATA', async () => {
    const inputs = {
      'unclosed-tags.html': `<p>${TACTIC_TEXT}<div><span><b><i><table><tr><td>`,
      'unclosed-attribute.html': `<p>${TACTIC_TEXT}</p><a href="https://example.org/${'x'.repeat(100_000)}`,
      'unclosed-comment.html': `<p>${TACTIC_TEXT}</p><!-- ${'never closed '.repeat(10_000)}`,
      'unclosed-cdata.html': `<p>${TACTIC_TEXT}</p><![CDATA[ ${'x'.repeat(10_000)}`,
      'unclosed-script.html': `<p>${TACTIC_TEXT}</p><script>${'var a = "<p>";'.repeat(10_000)}`,
      'stray-closes.html': '</div>'.repeat(50_000) + `<p>${TACTIC_TEXT}</p>` + '</p>'.repeat(1000),
    };
    const paths = Object.entries(inputs).map(([name, text]) => ws.write(name, text));
    const reports = await runBeside(paths);
    for (const path of paths) {
      expect(reports.get(path)?.error, path).toBeNull();
      expect(hasTactic(reports.get(path)), path).toBe(true);
    }
  }, budget(2));
});

describe('Markdown', () => {
  it('nesting past the parser\'s linear range is read as plain text; ordinary nesting as Markdown', async () => {
    const inputs = {
      'lists-100k.md': '- '.repeat(100_000) + 'x\n\n' + TACTIC_TEXT,
      'quotes-100k.md': '> '.repeat(100_000) + '\n\n' + TACTIC_TEXT,
      'links-50k.md': '[a]('.repeat(50_000) + '\n\n' + TACTIC_TEXT,
      'emphasis-50k.md': '*a '.repeat(50_000) + '\n\n' + TACTIC_TEXT,
      // 40 levels is far past real documents and still parsed as Markdown: the finding's words exclude the markers.
      'lists-40.md': '- '.repeat(40) + TACTIC_TEXT.replace('\n', ' '),
    };
    const paths = Object.entries(inputs).map(([name, text]) => ws.write(name, text));
    const reports = await runBeside(paths);
    for (const path of paths) {
      expect(reports.get(path)?.error, path).toBeNull();
      expect(hasTactic(reports.get(path)), path).toBe(true);
    }
    const nested = reports.get(paths[4])!.findings.find((f) => f.tactic === 'freebie')!;
    expect(nested.column).toBeGreaterThan(80);
  }, budget(2));

  it('a 1 MB newsletter of short quotes and lists (micromark alone is quadratic there) is read to its end', async () => {
    const issue = '## News\n\n> A quote from a reader.\n\n- one item\n- another item\n\nThanks for reading.\n\n';
    const path = ws.write('newsletter.md', issue.repeat(Math.floor((1024 * 1024) / issue.length)) + TACTIC_TEXT);
    const reports = await runBeside([path]);
    expect(hasTactic(reports.get(path))).toBe(true);
    const lines = (issue.match(/\n/g)!.length * Math.floor((1024 * 1024) / issue.length)) + 2;
    expect(reports.get(path)!.findings.find((f) => f.tactic === 'freebie')!.line).toBe(lines);
  }, budget(1));

  it('a long document is parsed in pieces, never cut inside fenced code or an HTML comment', async () => {
    const code = '```\n' + `${TACTIC_TEXT}\n`.repeat(1000) + '```\n\n';
    const comment = '<!--\n' + `${TACTIC_TEXT}\n`.repeat(1000) + '-->\n\n';
    const path = ws.write('long-code.md', 'Intro.\n\n' + code + comment + 'The end.\n');
    const reports = await runBeside([path]);
    expect(reports.get(path)?.error).toBeNull();
    expect(reports.get(path)!.findings).toEqual([]);
  }, budget(1));
});
