/**
 * FEEL syntax check with feelin's parser (the evaluator the engine uses at run time).
 * Lezer parsers recover from errors instead of throwing, so we look for error nodes.
 */
import { parseExpression } from 'feelin';

/** A description of the first syntax error in `=expression`, or undefined if it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  const source = expression.trimStart().replace(/^=/, '');
  if (source.trim() === '') return 'the expression after "=" is empty';
  let errorAt: number | undefined;
  try {
    parseExpression(source, {}, undefined).iterate({
      enter(node) {
        if (errorAt === undefined && node.type.isError) errorAt = node.from;
        return errorAt === undefined;
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (errorAt === undefined) return undefined;
  return `syntax error at position ${errorAt + 1} in "${source.length > 60 ? source.slice(0, 57) + '...' : source}"`;
}
