/**
 * Rejects BPMN element types this engine cannot run, at deploy time and with the element
 * id, so that no instance ever reaches an element it cannot execute.
 */
import { engineRule } from '../engine-rule';

export const UNSUPPORTED_ELEMENTS: ReadonlyArray<[type: string, message: string]> = [
  ['bpmn:Transaction', 'Transactions are not supported.'],
  ['bpmn:AdHocSubProcess', 'Ad-hoc subprocesses are not supported.'],
  ['bpmn:ComplexGateway', 'Complex gateways are not supported: use an inclusive or exclusive gateway.'],
  [
    'bpmn:StandardLoopCharacteristics',
    'Standard loops are not supported: use multi-instance or a gateway loop.',
  ],
];

export default engineRule('supported-element', (element, report) => {
  for (const [type, message] of UNSUPPORTED_ELEMENTS) {
    if (!element.$instanceOf(type)) continue;
    // A loop marker belongs to its activity: report the activity's id.
    const owner = type === 'bpmn:StandardLoopCharacteristics' ? element.$parent : element;
    report(owner?.id, message);
    return;
  }
});
