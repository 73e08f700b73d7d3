/**
 * Finds text written straight into the web UI's source instead of going through the message
 * catalogue: string literals (and the text parts of template literals) in the places where
 * a page shows text — children of `h()`, `append()`, `replace()`, `link()`, the texts of
 * `emptyState()`, `errorBox()`, `toast()`, `loading()`, table headers, text attributes
 * (`title`, `aria-label`, `placeholder`, `alt`, `label`) and assignments to `textContent`
 * and friends. A literal counts as text when it holds a word (two or more Latin letters)
 * other than the few that read the same in every language (CSV, PDF, …).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface UiLiteral {
  file: string;
  line: number;
  text: string;
}

/** Words that read the same in zh-CN and en (abbreviations, product names). */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'CSV',
  'PDF',
  'BPMN',
  'DMN',
  'FEEL',
  'JSON',
  'KPI',
  'CSR',
  'ID',
  'SVG',
  'XML',
  'Temporal',
  'API',
  'SHA',
]);

/** Calls whose arguments `[from, to)` are shown as text. */
const TEXT_ARGUMENTS: Record<string, [number, number?]> = {
  h: [2],
  append: [1],
  replace: [1],
  link: [1],
  emptyState: [0, 2],
  errorBox: [0, 1],
  toast: [0, 1],
  loading: [0, 1],
};
/** Calls whose first argument is an array of texts. */
const TEXT_ARRAY_ARGUMENTS = new Set(['table']);
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
const TEXT_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'title',
  'placeholder',
  'ariaLabel',
  'alt',
  'label',
]);

export function isText(text: string): boolean {
  const words = text.match(/[A-Za-z]{2,}/g) ?? [];
  return words.some((w) => !SAME_IN_EVERY_LANGUAGE.has(w));
}

function calleeName(call: ts.CallExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The literal texts an expression in a text position can evaluate to. */
function literalsOf(node: ts.Node, out: ts.Node[]): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node);
  else if (ts.isTemplateExpression(node)) {
    out.push(node.head);
    for (const span of node.templateSpans) {
      out.push(span.literal);
      literalsOf(span.expression, out);
    }
  } else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) literalsOf(node.expression, out);
  else if (ts.isConditionalExpression(node)) {
    literalsOf(node.whenTrue, out);
    literalsOf(node.whenFalse, out);
  } else if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.PlusToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    )
      literalsOf(node.left, out);
    if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken)
      literalsOf(node.right, out);
  } else if (ts.isArrayLiteralExpression(node)) node.elements.forEach((e) => literalsOf(e, out));
  else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    // ['a', 'b'].filter(Boolean).join(', ') and the like
    const method = node.expression.name.text;
    if (['join', 'filter', 'concat', 'slice', 'flat', 'trim'].includes(method))
      literalsOf(node.expression.expression, out);
    if (method === 'map')
      for (const arg of node.arguments)
        if (ts.isArrowFunction(arg) && !ts.isBlock(arg.body)) literalsOf(arg.body, out);
  }
}

function textNodesOf(source: ts.SourceFile): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name !== undefined && Object.hasOwn(TEXT_ARGUMENTS, name))
        node.arguments.slice(...TEXT_ARGUMENTS[name]).forEach((a) => literalsOf(a, found));
      if (name !== undefined && TEXT_ARRAY_ARGUMENTS.has(name) && node.arguments[0])
        literalsOf(node.arguments[0], found);
    }
    if (ts.isPropertyAssignment(node)) {
      const key = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
      if (key && TEXT_ATTRIBUTES.has(key)) literalsOf(node.initializer, found);
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_PROPERTIES.has(node.left.name.text)
    )
      literalsOf(node.right, found);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** The message catalogues themselves: `i18n/messages/*` and a pack's `*messages.ts`. */
export function isCatalogue(file: string): boolean {
  return /[\\/]i18n[\\/]messages[\\/]/.test(file) || /messages\.ts$/.test(file);
}

/** The literal texts one source file shows. */
export function literalsOfSource(file: string, code: string): UiLiteral[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  return textNodesOf(source)
    .map((node) => ({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: (node as ts.LiteralLikeNode).text,
    }))
    .filter((l) => isText(l.text));
}

/** Every literal text shown by the UI sources under `dir` (catalogues left out), with paths relative to `root`. */
export function uiLiterals(dir: string, root: string): UiLiteral[] {
  return sourceFiles(dir)
    .filter((file) => !isCatalogue(file))
    .flatMap((file) => literalsOfSource(relative(root, file), readFileSync(file, 'utf8')));
}
