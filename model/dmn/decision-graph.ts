/**
 * The compiled, JSON-serialisable form of one DMN file (its decision requirements graph).
 *
 * model/dmn/compile-dmn.ts produces it at deploy time; model/dmn/evaluate/ reads it. Every
 * expression is FEEL text exactly as written in the table (no leading `=` in DMN).
 */

export const DECISION_GRAPH_FORMAT = 1;

export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionGraph {
  format: typeof DECISION_GRAPH_FORMAT;
  /** The `definitions` id: Zeebe's decision requirements id. */
  definitionsId: string;
  name?: string;
  /** Every decision of the file, by id. */
  decisions: Record<string, Decision>;
}

export interface Decision {
  id: string;
  name?: string;
  /** zeebe:versionTag, for the called-decision binding `versionTag`. */
  versionTag?: string;
  /** Ids of the decisions whose results this one reads (as variables named by those ids). */
  requires: string[];
  logic: DecisionTable | LiteralExpression;
}

export interface DecisionTable {
  kind: 'decisionTable';
  id: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: TableInput[];
  outputs: TableOutput[];
  rules: TableRule[];
}

export interface TableInput {
  id: string;
  label?: string;
  /** FEEL expression giving the input value (empty: null). */
  expression: string;
}

export interface TableOutput {
  id: string;
  /** Name of the output in a multi-output result (context key). */
  name: string;
  label?: string;
  /** Output values in decreasing priority (PRIORITY, OUTPUT ORDER), as FEEL text: `"high","low"`. */
  priorities?: string;
  /** Default output entry used when no rule matches (DMN 1.3 defaultOutputEntry). */
  defaultExpression?: string;
}

export interface TableRule {
  id: string;
  /** Unary tests, one per input; `-` or empty matches anything. */
  inputEntries: string[];
  /** FEEL expressions, one per output; empty gives null. */
  outputEntries: string[];
}

export interface LiteralExpression {
  kind: 'literalExpression';
  id: string;
  expression: string;
}
