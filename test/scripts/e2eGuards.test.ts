// "The e2e run records 0 CSP violations and no request leaves 127.0.0.1" holds only
// if every e2e file checks for them: Session.expectClean() after each test.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const E2E = path.resolve(__dirname, '../e2e');
const FILES = readdirSync(E2E).filter((file) => file.endsWith('.test.ts'));

/** Whether the file calls `afterEach(...)` with a callback that calls `*.expectClean()`. */
function checksAfterEachTest(source: string): boolean {
  const sf = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node, insideAfterEach: boolean): void => {
    const isAfterEach =
      ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'afterEach';
    if (
      insideAfterEach &&
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'expectClean'
    ) {
      found = true;
    }
    ts.forEachChild(node, (child) => visit(child, insideAfterEach || isAfterEach));
  };
  visit(sf, false);
  return found;
}

describe('end-to-end test files', () => {
  it('exist', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it.each(FILES)('%s fails on CSP violations, outside requests and errors after each test', (file) => {
    expect(checksAfterEachTest(readFileSync(path.join(E2E, file), 'utf8'))).toBe(true);
  });

  it('the check itself tells the two apart', () => {
    expect(checksAfterEachTest('afterEach(async () => { await session.expectClean(); });')).toBe(true);
    expect(checksAfterEachTest('afterAll(async () => { await session.expectClean(); });')).toBe(false);
    expect(checksAfterEachTest('afterEach(async () => { await session.close(); });')).toBe(false);
  });
});
