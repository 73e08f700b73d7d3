/** The model layer's entry point for DMN: XML → parse → compile. Non-empty `errors` means: reject the deployment. */
import type { ModelProblem } from '../problem';
import { compileDmn } from './compile-dmn';
import type { DecisionGraph } from './decision-graph';
import { parseDmn } from './parse-dmn';

export type { DecisionGraph } from './decision-graph';

export interface DmnAnalysis {
  errors: ModelProblem[];
  graph?: DecisionGraph;
}

export async function analyseDmn(xml: unknown): Promise<DmnAnalysis> {
  const parsed = await parseDmn(xml);
  if (!parsed.definitions || parsed.errors.length) return { errors: parsed.errors };
  return compileDmn(parsed.definitions);
}
