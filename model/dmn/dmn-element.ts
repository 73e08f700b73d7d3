/** The slice of the dmn-moddle object model that the DMN compiler reads (all optional, as moddle leaves them). */
export interface DmnElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly label?: string;
  readonly text?: string;
  readonly value?: string;
  readonly href?: string;
  readonly hitPolicy?: string;
  readonly aggregation?: string;
  readonly drgElement?: DmnElement[];
  readonly decisionLogic?: DmnElement;
  readonly informationRequirement?: DmnElement[];
  readonly requiredDecision?: DmnElement;
  readonly extensionElements?: { values?: DmnElement[] };
  readonly input?: DmnElement[];
  readonly output?: DmnElement[];
  readonly rule?: DmnElement[];
  readonly inputExpression?: DmnElement;
  readonly inputValues?: DmnElement;
  readonly outputValues?: DmnElement;
  readonly defaultOutputEntry?: DmnElement;
  readonly inputEntry?: DmnElement[];
  readonly outputEntry?: DmnElement[];
}
