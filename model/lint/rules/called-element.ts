/**
 * A call activity starts another deployed process: it must name it, and only the
 * bindings we implement (`latest`, `deployment`) are accepted.
 */
import { extension, is } from '../../moddle';
import { ZEEBE, type CalledElement } from '../../zeebe';
import { engineRule } from '../engine-rule';

export const SUPPORTED_BINDINGS = ['latest', 'deployment'] as const;

export default engineRule('called-element', (element, report) => {
  if (!is(element, 'bpmn:CallActivity')) return;
  const called = extension<CalledElement>(element, ZEEBE.calledElement);
  if (!called?.processId?.trim()) {
    report(element.id, 'Missing called process: set zeebe:calledElement processId.');
    return;
  }
  const binding = called.bindingType ?? 'latest';
  if (!(SUPPORTED_BINDINGS as readonly string[]).includes(binding)) {
    report(
      element.id,
      `Binding type "${binding}" is not supported (supported: ${SUPPORTED_BINDINGS.join(', ')}).`,
    );
  }
});
