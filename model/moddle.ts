/**
 * The slice of the bpmn-moddle object model that the linter rules and the compiler read.
 *
 * bpmn-moddle ships no types; rather than `any` everywhere, this interface names the
 * BPMN properties we use (all optional, as moddle leaves absent ones undefined) and
 * `$instanceOf` for type tests that respect the BPMN type hierarchy.
 */
export interface BpmnElement {
  readonly $type: string;
  readonly $parent?: BpmnElement;
  $instanceOf(type: string): boolean;
  readonly id?: string;
  readonly name?: string;
  readonly body?: string;
  readonly isExecutable?: boolean;
  readonly rootElements?: BpmnElement[];
  readonly flowElements?: BpmnElement[];
  readonly extensionElements?: { values?: BpmnElement[] };
  readonly eventDefinitions?: BpmnElement[];
  readonly incoming?: BpmnElement[];
  readonly outgoing?: BpmnElement[];
  readonly sourceRef?: BpmnElement;
  readonly targetRef?: BpmnElement;
  readonly conditionExpression?: BpmnElement;
  readonly default?: BpmnElement;
  readonly attachedToRef?: BpmnElement;
  readonly cancelActivity?: boolean;
  readonly isInterrupting?: boolean;
  readonly triggeredByEvent?: boolean;
  readonly loopCharacteristics?: BpmnElement;
  readonly isSequential?: boolean;
  readonly completionCondition?: BpmnElement;
  readonly messageRef?: BpmnElement;
  readonly errorRef?: BpmnElement;
  readonly escalationRef?: BpmnElement;
  readonly signalRef?: BpmnElement;
  readonly errorCode?: string;
  readonly escalationCode?: string;
  readonly timeDuration?: BpmnElement;
  readonly timeDate?: BpmnElement;
  readonly timeCycle?: BpmnElement;
  readonly isForCompensation?: boolean;
  /** bpmn:CompensateEventDefinition */
  readonly activityRef?: BpmnElement;
  readonly waitForCompletion?: boolean;
  /** Associations, text annotations and groups of a process or subprocess. */
  readonly artifacts?: BpmnElement[];
}

export function is(element: BpmnElement | undefined, type: string): boolean {
  return !!element && typeof element.$instanceOf === 'function' && element.$instanceOf(type);
}

export function isAny(element: BpmnElement | undefined, types: readonly string[]): boolean {
  return types.some((type) => is(element, type));
}

/**
 * The first extension element of a (zeebe) type, e.g. `extension<TaskDefinition>(task, 'zeebe:TaskDefinition')`.
 * T describes the attributes of that extension as zeebe-bpmn-moddle reads them.
 */
export function extension<T>(element: BpmnElement | undefined, type: string): (T & BpmnElement) | undefined {
  const values = element?.extensionElements?.values ?? [];
  return values.find((value) => is(value, type)) as (T & BpmnElement) | undefined;
}

/** The nearest enclosing process (for elements nested in subprocesses too). */
export function processOf(element: BpmnElement): BpmnElement | undefined {
  let current: BpmnElement | undefined = element;
  while (current && !is(current, 'bpmn:Process')) current = current.$parent;
  return current;
}

/** Engine rules only judge what we would run: elements of executable processes. */
export function isInExecutableProcess(element: BpmnElement): boolean {
  return processOf(element)?.isExecutable === true;
}

/** A FEEL expression in Zeebe's convention: a string starting with `=`. */
export function isExpression(value: string | undefined): value is string {
  return typeof value === 'string' && value.trimStart().startsWith('=');
}

/** The text of a bpmn:FormalExpression (timer bodies, conditions), trimmed; undefined if blank. */
export function bodyOf(expression: BpmnElement | undefined): string | undefined {
  const body = expression?.body?.trim();
  return body ? body : undefined;
}
