/**
 * The compiled, JSON-serialisable form of one executable BPMN process.
 *
 * The compiler (model/compile) produces it at deploy time; the interpreter core (engine/)
 * reads it at run time. A workflow receives the graph of its pinned version as input, so
 * replay never depends on the database. Keep it plain data: no classes, no functions,
 * no undefined-vs-missing distinctions that JSON would lose.
 *
 * Expressions are strings exactly as written in the diagram: a FEEL expression starts
 * with `=`, anything else is a static value (as in Zeebe).
 */

export const PROCESS_GRAPH_FORMAT = 1;

export interface ProcessGraph {
  format: typeof PROCESS_GRAPH_FORMAT;
  processId: string;
  name?: string;
  /** Groups (besides service/process-owner/admin) allowed to start instances: zeebe:properties `starterGroups`, comma-separated. */
  starterGroups?: string[];
  /** zeebe:executionListeners of the process itself (start: before its start event; end: before it completes). */
  executionListeners?: ExecutionListener[];
  /** Every flow node of the process, including those nested in subprocesses, by id. */
  nodes: Record<string, GraphNode>;
  flows: Record<string, SequenceFlow>;
}

export interface SequenceFlow {
  id: string;
  name?: string;
  source: string;
  target: string;
  /** FEEL condition (with the leading `=`), absent for unconditional flows. */
  condition?: string;
}

/** ioMapping entry: `source` is an expression (`=a.b`) or a static value; `target` a variable name (dots allowed for nested). */
export interface Mapping {
  source: string;
  target: string;
}

export type TimerSpec =
  | { kind: 'duration'; expression: string } // ISO 8601 duration, e.g. PT5M / P1D, or FEEL
  | { kind: 'date'; expression: string } // ISO 8601 date-time, or FEEL
  | { kind: 'cycle'; expression: string }; // R[n]/[start/]duration, or a cron expression, or FEEL

export type EventDefinition =
  | { type: 'none' }
  | { type: 'message'; messageName: string; correlationKey?: string }
  | { type: 'timer'; timer: TimerSpec }
  | { type: 'error'; errorCode?: string; errorMessage?: string }
  | { type: 'escalation'; escalationCode?: string }
  | { type: 'terminate' }
  /** A link throw jumps to the link catch of the same name in its scope. */
  | { type: 'link'; linkName: string }
  /**
   * Compensation: on a boundary event it marks its activity compensable (the handler is on the
   * boundary node); on a throw or end event it compensates `activityRef`, or every completed
   * compensable activity of its scope.
   */
  | { type: 'compensation'; activityRef?: string }
  /** Broadcast to every subscription of that name (static or FEEL; static on a process start). */
  | { type: 'signal'; signalName: string };

/**
 * A listener runs as a job, exactly like a service task's: `type` and `retries` static or FEEL
 * (retries default "3"), headers from zeebe:taskHeaders. The element waits until it completes.
 */
export interface JobListener {
  type: string;
  retries: string;
  headers?: Record<string, string>;
}

/** zeebe:executionListener: `start` after the input mappings, `end` after the output mappings. */
export interface ExecutionListener extends JobListener {
  eventType: 'start' | 'end';
}

/** Task listener events, in Camunda 8.8's names (the older create / assignment / complete are read as these). */
export type TaskListenerEvent = 'creating' | 'assigning' | 'completing';

/** zeebe:taskListener on a user task. */
export interface TaskListener extends JobListener {
  eventType: TaskListenerEvent;
}

export interface MultiInstance {
  sequential: boolean;
  inputCollection: string;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

interface NodeBase {
  id: string;
  name?: string;
  /** Id of the enclosing scope: the process id, or the id of a subProcess node. */
  parent: string;
  incoming: string[];
  outgoing: string[];
  /** zeebe:ioMapping */
  inputs?: Mapping[];
  outputs?: Mapping[];
  /** Ids of boundary events attached to this activity. */
  boundaryEvents?: string[];
  multiInstance?: MultiInstance;
  /** `isForCompensation`: a compensation handler, started only by a compensation throw. */
  isForCompensation?: boolean;
  /** zeebe:executionListeners, in the order written. */
  executionListeners?: ExecutionListener[];
}

export interface StartEventNode extends NodeBase {
  kind: 'startEvent';
  event: EventDefinition;
  /** Only meaningful for the start event of an event subprocess. */
  interrupting: boolean;
}

export interface EndEventNode extends NodeBase {
  kind: 'endEvent';
  event: EventDefinition;
  /** Message end events throw through a job like a service task. */
  taskType?: string;
  /** With taskType: zeebe:taskDefinition retries (default "3") and zeebe:taskHeaders. */
  retries?: string;
  headers?: Record<string, string>;
}

export interface IntermediateCatchEventNode extends NodeBase {
  kind: 'intermediateCatchEvent';
  event: EventDefinition; // timer or message
}

export interface IntermediateThrowEventNode extends NodeBase {
  kind: 'intermediateThrowEvent';
  event: EventDefinition; // none, escalation, link or compensation (message throw goes through taskType)
  /** Link throw: the id of the link catch event it jumps to (resolved at compile time). */
  linkTarget?: string;
  taskType?: string;
  /** With taskType: zeebe:taskDefinition retries (default "3") and zeebe:taskHeaders. */
  retries?: string;
  headers?: Record<string, string>;
}

export interface BoundaryEventNode extends NodeBase {
  kind: 'boundaryEvent';
  attachedTo: string;
  cancelActivity: boolean;
  event: EventDefinition; // timer, message, error, escalation, compensation
  /** Compensation boundary: the handler activity it is associated with (resolved at compile time). */
  compensationHandler?: string;
}

export interface ServiceTaskNode extends NodeBase {
  kind: 'serviceTask' | 'sendTask';
  /** zeebe:taskDefinition type (static or FEEL). */
  taskType: string;
  /** zeebe:taskDefinition retries (static or FEEL), default "3". */
  retries: string;
  /** zeebe:taskHeaders */
  headers: Record<string, string>;
}

/** Reserved job type of a business rule task with zeebe:calledDecision: evaluated by the engine's own activity. */
export const DECISION_TASK_TYPE = 'bpmn-evaluate-decision';

/**
 * Reserved job type of a signal throw (intermediate or end): the engine's own activity hands
 * the broadcast to the instance-command outbox, so it is durable and the event completes once it is recorded.
 */
export const SIGNAL_TASK_TYPE = 'bpmn-broadcast-signal';

/** zeebe:calledDecision. */
export interface CalledDecision {
  /** Decision id (static or FEEL). */
  decisionId: string;
  resultVariable: string;
  binding: 'latest' | 'deployment' | 'versionTag';
  versionTag?: string;
  /** Version pinned at deploy time when binding is `deployment` (filled in by the deployer). */
  deployedVersion?: number;
}

/**
 * A business rule task is a job: with zeebe:calledDecision its type is DECISION_TASK_TYPE
 * (retries 1: a failed evaluation is an incident at once, as in Zeebe); with
 * zeebe:taskDefinition it goes to a job worker like a service task.
 */
export interface BusinessRuleTaskNode extends NodeBase {
  kind: 'businessRuleTask';
  taskType: string;
  retries: string;
  headers: Record<string, string>;
  calledDecision?: CalledDecision;
}

export interface ScriptTaskNode extends NodeBase {
  kind: 'scriptTask';
  expression: string;
  resultVariable: string;
}

export interface UserTaskNode extends NodeBase {
  kind: 'userTask';
  assignee?: string;
  candidateGroups?: string;
  candidateUsers?: string;
  formId?: string;
  dueDate?: string;
  followUpDate?: string;
  headers: Record<string, string>;
  /** zeebe:taskListeners, in the order written. */
  taskListeners?: TaskListener[];
}

export interface ReceiveTaskNode extends NodeBase {
  kind: 'receiveTask';
  messageName: string;
  correlationKey?: string;
}

export interface PassThroughTaskNode extends NodeBase {
  kind: 'task' | 'manualTask';
}

export interface GatewayNode extends NodeBase {
  kind: 'exclusiveGateway' | 'inclusiveGateway' | 'parallelGateway' | 'eventBasedGateway';
  /** Default flow id (exclusive and inclusive). */
  defaultFlow?: string;
}

export interface SubProcessNode extends NodeBase {
  kind: 'subProcess';
  /** True for an event subprocess. */
  triggeredByEvent: boolean;
}

export interface CallActivityNode extends NodeBase {
  kind: 'callActivity';
  /** Called processId (static or FEEL). */
  calledElement: string;
  binding: 'latest' | 'deployment';
  /** Version pinned at deploy time when binding is `deployment` (filled in by the deployer). */
  deployedVersion?: number;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

export type GraphNode =
  | StartEventNode
  | EndEventNode
  | IntermediateCatchEventNode
  | IntermediateThrowEventNode
  | BoundaryEventNode
  | ServiceTaskNode
  | BusinessRuleTaskNode
  | ScriptTaskNode
  | UserTaskNode
  | ReceiveTaskNode
  | PassThroughTaskNode
  | GatewayNode
  | SubProcessNode
  | CallActivityNode;

export type NodeKind = GraphNode['kind'];
