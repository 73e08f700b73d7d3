/**
 * FEEL checks at deploy time with feelin's parser (the evaluator the engine uses at run
 * time): syntax, and calls to functions that do not exist. Lezer parsers recover from
 * errors instead of throwing, so we look for error nodes. The parser reads multi-word
 * names (`get or else`) from its context, so it is given every known function name.
 */
import { parseExpression } from 'feelin';
import { FEEL_FUNCTION_NAMES } from './feel-functions';

const PARSE_CONTEXT: Record<string, null> = Object.fromEntries(
  [...FEEL_FUNCTION_NAMES].map((n) => [n, null]),
);

type Tree = ReturnType<typeof parseExpression>;

function parse(expression: string): { source: string; tree?: Tree; error?: string } {
  const source = expression.trimStart().replace(/^=/, '');
  if (source.trim() === '') return { source, error: 'the expression after "=" is empty' };
  try {
    return { source, tree: parseExpression(source, PARSE_CONTEXT, undefined) };
  } catch (error) {
    return { source, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A description of the first syntax error in `=expression`, or undefined if it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  const { source, tree, error } = parse(expression);
  if (!tree) return error;
  let errorAt: number | undefined;
  tree.iterate({
    enter(node) {
      if (errorAt === undefined && node.type.isError) errorAt = node.from;
      return errorAt === undefined;
    },
  });
  if (errorAt === undefined) return undefined;
  return `syntax error at position ${errorAt + 1} in "${source.length > 60 ? source.slice(0, 57) + '...' : source}"`;
}

/**
 * Functions an expression calls by a name that is neither a FEEL/Camunda function nor
 * bound in the expression itself (a context entry, a parameter, an iteration variable).
 * Variables cannot hold functions (they are JSON), so such a call can never succeed.
 */
export function feelUnknownFunctions(expression: string): string[] {
  const { source, tree } = parse(expression);
  if (!tree) return [];
  const called: string[] = [];
  const bound = new Set<string>();
  const text = (from: number, to: number) => source.slice(from, to).replace(/\s+/g, ' ').trim();
  tree.iterate({
    enter(node) {
      if (node.name === 'Name') bound.add(text(node.from, node.to));
      if (node.name !== 'FunctionInvocation') return;
      const callee = node.node.firstChild;
      if (callee?.name === 'VariableName') called.push(text(callee.from, callee.to));
    },
  });
  return [...new Set(called.filter((name) => !FEEL_FUNCTION_NAMES.has(name) && !bound.has(name)))];
}
