/**
 * A multi-instance activity needs the collection to iterate (zeebe:loopCharacteristics
 * inputCollection); an output collection is only meaningful with the element that fills it.
 */
import { extension, is } from '../../moddle';
import { ZEEBE, type LoopCharacteristics } from '../../zeebe';
import { engineRule } from '../engine-rule';

export default engineRule('multi-instance', (element, report) => {
  if (!is(element, 'bpmn:MultiInstanceLoopCharacteristics')) return;
  const activityId = element.$parent?.id;
  const loop = extension<LoopCharacteristics>(element, ZEEBE.loopCharacteristics);
  if (!loop?.inputCollection?.trim()) {
    report(activityId, 'Missing input collection: set zeebe:loopCharacteristics inputCollection.');
    return;
  }
  if (!!loop.outputCollection?.trim() !== !!loop.outputElement?.trim()) {
    report(activityId, 'Output collection and output element must be set together.');
  }
});
