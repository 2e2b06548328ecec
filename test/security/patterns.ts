/**
 * Every regular expression quidpro's source can run: the literals in
 * src/**\/*.ts (read with the TypeScript parser) and the patterns built with
 * `new RegExp(…)` (recorded while every module loads and a sample of each
 * input format is analysed).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundPattern {
  /** Where it is: "src/x.ts:12", or "new RegExp" for built ones. */
  where: string;
  source: string;
  flags: string;
}

const ROOT = join(import.meta.dirname, '..', '..');

export function sourceFiles(dir = join(ROOT, 'src')): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** Regex literals, with file and line. */
export function regexLiterals(): FoundPattern[] {
  const found: FoundPattern[] = [];
  for (const file of sourceFiles()) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ where: `${relative(ROOT, file)}:${line}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/**
 * Runs `load` with the global RegExp constructor wrapped, recording every
 * pattern built from a string (a literal copied with `new RegExp(re)` is
 * recorded too; duplicates are removed by the caller).
 */
export async function recordBuiltPatterns(load: () => Promise<void>): Promise<FoundPattern[]> {
  const found: FoundPattern[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const [pattern, flags] = args;
      const source = typeof pattern === 'string' ? pattern : pattern.source;
      found.push({ where: 'new RegExp', source, flags: flags ?? (typeof pattern === 'string' ? '' : pattern.flags) });
      return Reflect.construct(target, args);
    },
  });
  try {
    await load();
  } finally {
    globalThis.RegExp = Original;
  }
  return found;
}
