/** FEEL syntax checks for DMN cells: expressions and unary tests, with feelin's parser. */
import { parseExpression, parseUnaryTests } from 'feelin';

/** A description of the first syntax error, or undefined when the text parses. */
export function feelError(text: string, kind: 'expression' | 'unaryTests'): string | undefined {
  let errorAt: number | undefined;
  try {
    const tree =
      kind === 'expression' ? parseExpression(text, {}, undefined) : parseUnaryTests(text, {}, undefined);
    tree.iterate({
      enter(node) {
        if (errorAt === undefined && node.type.isError) errorAt = node.from;
        return errorAt === undefined;
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (errorAt === undefined) return undefined;
  const shown = text.length > 60 ? text.slice(0, 57) + '...' : text;
  return `FEEL syntax error at position ${errorAt + 1} in "${shown}"`;
}

/** `-` and an empty cell match any input value. */
export function isAnyValue(entry: string): boolean {
  const text = entry.trim();
  return text === '' || text === '-';
}
