import { analyseBpmn } from '../../../../model/deploy-model';
import { fixture, idsOf, lintWithRule } from '../fixtures';

/**
 * Every engine rule has test/fixtures/<Rule>.valid.bpmn (deploys cleanly) and
 * <Rule>.invalid.bpmn (each offending element reported once, by id).
 */
const cases: Array<[rule: string, subject: string, invalidIds: string[]]> = [
  ['supported-element', 'SupportedElement', ['Complex', 'Loop', 'Tx']],
  ['supported-event', 'SupportedEvent', ['Blank', 'Compensate', 'Cond', 'SoftError', 'Start']],
  ['service-task-type', 'ServiceTaskType', ['BlankType', 'MessageEnd', 'NoDefinition']],
  ['message-subscription', 'MessageSubscription', ['BadKey', 'NoKey', 'NoMessage', 'Unnamed']],
  ['signal-event', 'Signal', ['BadFeel', 'FeelStart', 'NoRef', 'TwinA', 'TwinB', 'Unnamed']],
  [
    'timer-definition',
    'TimerDefinition',
    [
      'BadCycle',
      'BadDate',
      'BadDuration',
      'Both',
      'CycleCatch',
      'CycleInterrupting',
      'Empty',
      'NoOffset',
      'Start',
      'TooFast',
    ],
  ],
  ['feel-syntax', 'FeelSyntax', ['BadCondition', 'BadInput', 'BadType']],
  ['default-flow', 'DefaultFlow', ['Check']],
  ['called-decision', 'CalledDecision', ['BadBinding', 'NoDecisionId', 'NoResult', 'NoTag', 'Nothing']],
  ['called-element', 'CalledElement', ['NoCalled', 'NoProcessId', 'VersionTag']],
  ['script-task', 'ScriptTask', ['NoResult', 'NoScript', 'Static']],
  ['multi-instance', 'MultiInstance', ['HalfOutput', 'NoLoop']],
  [
    'listeners',
    'Listeners',
    [
      'BadEvent',
      'BoundaryStart',
      'CompBoundary',
      'ErrorEnd',
      'EscalationThrow',
      'EventSub',
      'GatewayEnd',
      'NoType',
      'StartListens',
      'TaskBadEvent',
      'TaskNoType',
      'Twins',
    ],
  ],
  ['throw-event-code', 'ThrowEventCode', ['NoErrorCode', 'NoEscalation', 'NoEscalationCode']],
  [
    'compensation',
    'Compensation',
    ['Flowing', 'InFlow', 'NoWait', 'NotCompensable', 'Orphan', 'OtherScope', 'OuterRef'],
  ],
];

describe.each(cases)('engine rule %s', (rule, subject, invalidIds) => {
  it(`reports nothing for ${subject}.valid, which deploys without errors`, async () => {
    expect(await lintWithRule(rule, `${subject}.valid`)).toEqual([]);
    expect((await analyseBpmn(fixture(`${subject}.valid`))).errors).toEqual([]);
  });

  it(`reports each offending element of ${subject}.invalid by id`, async () => {
    const problems = await lintWithRule(rule, `${subject}.invalid`);

    expect(idsOf(problems)).toEqual(invalidIds);
    for (const found of problems) {
      expect(found.rule).toBe(`engine/${rule}`);
      expect(found.message).toMatch(/\w{4,}/);
    }
  });
});

describe('engine rule executable-process', () => {
  it('rejects a file without an executable process, naming the process', async () => {
    const { errors } = await analyseBpmn(fixture('ExecutableProcess.invalid'));

    expect(errors).toEqual([
      {
        elementId: 'documentation_only',
        rule: 'engine/executable-process',
        message: expect.stringContaining('isExecutable'),
      },
    ]);
  });

  it('accepts a file with several executable processes', async () => {
    expect(await lintWithRule('executable-process', 'Deployment.two-executable-processes')).toEqual([]);
  });
});

describe('engine rule timer-definition: where a cycle may stand', () => {
  it('takes a cycle only on a start event or a non-interrupting boundary event, as Zeebe does', async () => {
    const problems = await lintWithRule('timer-definition', 'TimerDefinition.invalid');
    const placed = problems.filter((p) => ['CycleCatch', 'CycleInterrupting'].includes(p.elementId ?? ''));

    expect(placed).toHaveLength(2);
    for (const p of placed) expect(p.message).toContain('non-interrupting boundary event');
  });
});
