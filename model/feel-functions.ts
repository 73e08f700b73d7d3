/**
 * Every FEEL function a Camunda 8 expression may call, by name: the DMN standard's built-ins
 * (feelin implements them) and Camunda's extensions (engine/feel-functions.ts implements
 * those feelin lacks). The deploy check reports a call to any other name, the parser is
 * given these names so multi-word ones (`get or else`) parse, and docs/coverage.md is
 * checked against this list.
 */
export type FeelFunctionCategory =
  'conversion' | 'boolean' | 'string' | 'list' | 'numeric' | 'context' | 'range' | 'temporal';

export interface FeelFunctionInfo {
  name: string;
  category: FeelFunctionCategory;
  /** `camunda`: a Camunda extension beyond the DMN standard. */
  origin: 'standard' | 'camunda';
}

const standard: Record<FeelFunctionCategory, string[]> = {
  conversion: [
    'number',
    'string',
    'date',
    'date and time',
    'time',
    'duration',
    'years and months duration',
    'context',
  ],
  boolean: ['not', 'is'],
  string: [
    'substring',
    'string length',
    'upper case',
    'lower case',
    'substring before',
    'substring after',
    'replace',
    'contains',
    'matches',
    'starts with',
    'ends with',
    'split',
  ],
  list: [
    'list contains',
    'list replace',
    'count',
    'min',
    'max',
    'sum',
    'mean',
    'all',
    'any',
    'sublist',
    'append',
    'concatenate',
    'insert before',
    'remove',
    'reverse',
    'index of',
    'union',
    'distinct values',
    'flatten',
    'product',
    'median',
    'stddev',
    'mode',
    'sort',
  ],
  numeric: [
    'decimal',
    'floor',
    'ceiling',
    'abs',
    'round up',
    'round down',
    'round half up',
    'round half down',
    'modulo',
    'sqrt',
    'log',
    'exp',
    'odd',
    'even',
  ],
  context: ['get entries', 'context merge'],
  range: [
    'before',
    'after',
    'meets',
    'met by',
    'overlaps',
    'overlaps before',
    'overlaps after',
    'finishes',
    'finished by',
    'includes',
    'during',
    'starts',
    'started by',
    'coincides',
  ],
  temporal: ['now', 'today', 'day of year', 'day of week', 'month of year', 'week of year'],
};

/** Camunda's extensions, and the standard functions Camunda extends (implemented in engine/feel-functions.ts). */
const camunda: Partial<Record<FeelFunctionCategory, string[]>> = {
  boolean: ['is defined', 'get or else', 'assert'],
  string: ['extract', 'string join', 'is blank', 'trim', 'to base64', 'uuid'],
  list: ['duplicate values', 'is empty', 'partition'],
  numeric: ['random number'],
  context: ['get value', 'context put'],
  temporal: ['last day of month'],
};

export const FEEL_FUNCTIONS: readonly FeelFunctionInfo[] = [
  ...Object.entries(standard).flatMap(([category, names]) =>
    names.map((name) => ({ name, category: category as FeelFunctionCategory, origin: 'standard' as const })),
  ),
  ...Object.entries(camunda).flatMap(([category, names]) =>
    names!.map((name) => ({ name, category: category as FeelFunctionCategory, origin: 'camunda' as const })),
  ),
];

export const FEEL_FUNCTION_NAMES: ReadonlySet<string> = new Set(FEEL_FUNCTIONS.map((f) => f.name));
