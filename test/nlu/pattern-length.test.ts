// Patterns in the understanding code stay readable: no regular expression literal in dialogs/ is longer
// than 200 characters (a long one is built from named parts, with its words in knowledge/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIALOGS = fileURLToPath(new URL('../../dialogs/', import.meta.url));
const LIMIT = 200;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** every regular expression literal in a file, with its line */
function literals(file: string): { line: number; text: string }[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral)
      out.push({ line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1, text: n.getText() });
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('patterns in dialogs/', () => {
  it('finds the literals it measures', () => {
    const all = tsFiles(DIALOGS).flatMap(literals);
    expect(all.length).toBeGreaterThan(100);
  });

  it(`has no regular expression literal longer than ${LIMIT} characters`, () => {
    const long = tsFiles(DIALOGS).flatMap((f) =>
      literals(f)
        .filter((l) => l.text.replace(/^\/|\/[a-z]*$/g, '').length > LIMIT)
        .map((l) => `${f.slice(DIALOGS.length)}:${l.line} (${l.text.length})`),
    );
    expect(long).toEqual([]);
  });
});
