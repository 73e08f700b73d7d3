/** Multi-instance markers on tasks and subprocesses (zeebe:loopCharacteristics). */
import { bodyOf, extension, is, type BpmnElement } from '../moddle';
import type { MultiInstance } from '../process-graph';
import { ZEEBE, type LoopCharacteristics } from '../zeebe';

export function multiInstanceOf(activity: BpmnElement): MultiInstance | undefined {
  const marker = activity.loopCharacteristics;
  if (!marker || !is(marker, 'bpmn:MultiInstanceLoopCharacteristics')) return undefined;
  const loop = extension<LoopCharacteristics>(marker, ZEEBE.loopCharacteristics);
  return {
    sequential: marker.isSequential ?? false,
    inputCollection: loop?.inputCollection ?? '',
    inputElement: loop?.inputElement,
    outputCollection: loop?.outputCollection,
    outputElement: loop?.outputElement,
    completionCondition: bodyOf(marker.completionCondition),
  };
}
