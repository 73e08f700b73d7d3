/**
 * A default flow must leave the element that names it (Zeebe: "Default flow must start at
 * gateway"). Otherwise the gateway would take a flow that starts elsewhere and loop there.
 */
import { is } from '../../moddle';
import { engineRule } from '../engine-rule';

export default engineRule('default-flow', (element, report) => {
  const flow = (element as { default?: { id?: string; sourceRef?: { id?: string } } }).default;
  if (!flow) return;
  if (flow.sourceRef?.id !== element.id)
    report(
      element.id,
      `The default flow '${flow.id ?? '?'}' does not start at '${element.id}': a default flow must be one of its outgoing flows.`,
    );
  else if (!is(element, 'bpmn:Gateway') && !is(element, 'bpmn:Activity'))
    report(element.id, 'Only gateways and activities have a default flow.');
});
