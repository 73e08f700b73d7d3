/**
 * A message can only reach an instance that waits for it if the message has a name and,
 * for anything but a process start, a correlation key (zeebe:subscription on the message).
 */
import { extension, is, isAny, type BpmnElement } from '../../moddle';
import { ZEEBE, type Subscription } from '../../zeebe';
import { feelSyntaxError } from '../../feel-syntax';
import { engineRule } from '../engine-rule';

function messageCatch(element: BpmnElement): BpmnElement | undefined {
  if (is(element, 'bpmn:ReceiveTask')) return element;
  if (!isAny(element, ['bpmn:StartEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent']))
    return undefined;
  const definition = element.eventDefinitions?.[0];
  return is(definition, 'bpmn:MessageEventDefinition') ? definition : undefined;
}

/** A process-level message start creates the instance: there is nothing to correlate with. */
function isProcessStart(element: BpmnElement): boolean {
  return is(element, 'bpmn:StartEvent') && is(element.$parent, 'bpmn:Process');
}

export default engineRule('message-subscription', (element, report) => {
  const holder = messageCatch(element);
  if (!holder) return;
  const message = holder.messageRef;
  if (!message?.name?.trim()) {
    report(element.id, 'Missing message: reference a message with a name.');
    return;
  }
  if (isProcessStart(element)) return;
  const subscription = extension<Subscription>(message, ZEEBE.subscription);
  const key = subscription?.correlationKey?.trim();
  if (!key) {
    report(
      element.id,
      `Message "${message.name}" has no correlation key (zeebe:subscription correlationKey).`,
    );
    return;
  }
  // The message is a root element, outside any process: feel-syntax does not see its key.
  const error = key.startsWith('=') ? feelSyntaxError(key) : undefined;
  if (error)
    report(element.id, `Invalid FEEL in the correlation key of message "${message.name}": ${error}.`);
});
