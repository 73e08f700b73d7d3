/** zeebe:ioMapping inputs and outputs, in document order (later mappings may use earlier ones). */
import { extension, type BpmnElement } from '../moddle';
import type { Mapping } from '../process-graph';
import { ZEEBE, type IoMapping } from '../zeebe';

export function ioMappingOf(element: BpmnElement): { inputs?: Mapping[]; outputs?: Mapping[] } {
  const mapping = extension<IoMapping>(element, ZEEBE.ioMapping);
  if (!mapping) return {};
  const toMappings = (parameters: Array<{ source?: string; target?: string }> = []): Mapping[] =>
    parameters
      .filter((p) => p.target?.trim())
      .map((p) => ({ source: p.source ?? '', target: (p.target as string).trim() }));
  const inputs = toMappings(mapping.inputParameters);
  const outputs = toMappings(mapping.outputParameters);
  return { ...(inputs.length ? { inputs } : {}), ...(outputs.length ? { outputs } : {}) };
}
