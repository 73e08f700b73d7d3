/**
 * Every `=` expression in an executable process must parse as FEEL: conditions, timer
 * values, io mappings, task types, correlation keys, collections, scripts and so on; and it
 * may call only FEEL's and Camunda's built-in functions (or functions it defines itself).
 *
 * The rule is generic over moddle properties rather than listing attributes, so a zeebe
 * attribute added later is checked too. Headers and properties are static strings in
 * Zeebe, and names and documentation are prose: those are skipped.
 */
import { isAny, isExpression, type BpmnElement } from '../../moddle';
import { feelSyntaxError, feelUnknownFunctions } from '../../feel-syntax';
import { engineRule } from '../engine-rule';

const STATIC_TYPES = ['zeebe:Header', 'zeebe:Property', 'bpmn:Documentation', 'bpmn:TextAnnotation'];
const PROSE_PROPERTIES = new Set(['id', 'name', 'text']);

interface Described {
  $descriptor?: { properties?: Array<{ name: string; type: string; isMany?: boolean }> };
}

export default engineRule('feel-syntax', (element, report) => {
  if (isAny(element, STATIC_TYPES)) return;
  const properties = (element as BpmnElement & Described).$descriptor?.properties ?? [];
  for (const property of properties) {
    if (property.type !== 'String' || property.isMany || PROSE_PROPERTIES.has(property.name)) continue;
    const value = (element as unknown as Record<string, unknown>)[property.name];
    if (typeof value !== 'string' || !isExpression(value)) continue;
    const error = feelSyntaxError(value);
    if (error) report(ownerId(element), `Invalid FEEL in ${property.name}: ${error}.`);
    const unknown = feelUnknownFunctions(value);
    if (!error && unknown.length > 0)
      report(
        ownerId(element),
        `Unknown FEEL function ${unknown.map((n) => `'${n}'`).join(', ')} in ${property.name}: not a FEEL or Camunda built-in.`,
      );
  }
});

/** Extension elements and expressions have no useful id of their own: report their owner. */
function ownerId(element: BpmnElement): string | undefined {
  let current: BpmnElement | undefined = element;
  while (current && !isAny(current, ['bpmn:FlowElement', 'bpmn:RootElement'])) current = current.$parent;
  return (current ?? element).id;
}
