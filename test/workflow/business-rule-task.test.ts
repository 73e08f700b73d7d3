/**
 * Business rule tasks on the time-skipping server with the real engine worker and a SQLite
 * database: decisions and processes deployed through the API's services, instances started
 * as the API starts them. Bindings latest, deployment and versionTag each evaluate the
 * version they name; a decision that violates its hit policy is an incident that a retry
 * after deploying a fixed version resolves.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../api/auth/principal';
import { DeployDecisionService } from '../../api/decision-definitions/deploy-decision.service';
import { DeployDefinitionService } from '../../api/process-definitions/deploy-definition.service';
import { ProcessDefinitionQueries } from '../../api/process-definitions/process-definition-queries.service';
import type { TimerStartSchedules } from '../../api/process-definitions/timer-start-schedules.service';
import { StartInstanceService } from '../../api/process-instances/start-instance.service';
import { loadConfig } from '../../config/app-config';
import { IN_PROCESS_TASK_TYPES } from '../../config/process-packs';
import { openDatabase } from '../../persistence/data-source';
import { DecisionEvaluationEntity } from '../../persistence/entities';
import { createEngineWorker } from '../../worker/create-worker';
import { retryIncidentUpdate, snapshotQuery } from '../../workflows/protocol';
import { createTimeSkippingEnv } from '../support/temporal-env';
import { maybeRecordHistory } from './support/histories';
import { waitFor } from './support/wait';

const fixture = (path: string) => readFileSync(join(__dirname, '../fixtures', path), 'utf8');
const noSchedules = { sync: async () => [] } as unknown as TimerStartSchedules;
const OWNER: Principal = { user: 'wang.fang', groups: ['process-owner'] };

let env: TestWorkflowEnvironment;
let db: DataSource;
let worker: Worker;
let running: Promise<void>;
let decisions: DeployDecisionService;
let processes: DeployDefinitionService;
let instances: StartInstanceService;

beforeAll(async () => {
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'brt-')), LOG_LEVEL: 'warn' });
  env = await createTimeSkippingEnv();
  db = await openDatabase(config.database);
  worker = await createEngineWorker({ connection: env.nativeConnection, config, dataSource: db });
  running = worker.run();
  decisions = new DeployDecisionService(db);
  processes = new DeployDefinitionService(db, noSchedules, IN_PROCESS_TASK_TYPES);
  instances = new StartInstanceService(
    env.client,
    config,
    new ProcessDefinitionQueries(db),
    IN_PROCESS_TASK_TYPES,
  );
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  if (db?.isInitialized) await db.destroy();
  await env?.teardown();
});

const evaluationsOf = (instanceId: string) =>
  db.getRepository(DecisionEvaluationEntity).find({ where: { instanceId }, order: { evaluatedAt: 'ASC' } });

describe('business rule task', () => {
  it('evaluates the version its binding names: latest, pinned at deployment, by version tag', async () => {
    expect(await decisions.deploy(fixture('dmn/Discount.v1.dmn'), 'owner')).toMatchObject({ version: 1 });
    // Binding `deployment` pins the decision version that is the latest now: v1.
    await processes.deploy(fixture('engine/BusinessRuleTask.bindings.bpmn'), 'owner');
    expect(await decisions.deploy(fixture('dmn/Discount.v2.dmn'), 'owner')).toMatchObject({ version: 2 });

    const { instanceId } = await instances.start(
      { processId: 'decision-bindings', businessKey: 'b-1', variables: { orders: 12 } },
      OWNER,
    );
    const handle = env.client.workflow.getHandle(instanceId);
    await handle.result();
    const { variables } = await handle.query(snapshotQuery);
    expect(variables).toMatchObject({ latestRate: 0.25, pinnedRate: 0.1, taggedRate: 0.1 });
    const evaluations = await evaluationsOf(instanceId);
    expect(evaluations.map((e) => [e.elementId, e.decisionId, e.decisionVersion, e.result])).toEqual([
      ['Latest', 'discount', 2, 0.25],
      ['Pinned', 'discount', 1, 0.1],
      ['Tagged', 'discount', 1, 0.1],
    ]);
    expect(evaluations[0].evaluatedDecisions).toEqual([
      expect.objectContaining({
        decisionId: 'discount',
        matchedRules: [expect.objectContaining({ ruleId: 'discount_r1' })],
      }),
    ]);
    await maybeRecordHistory('business-rule-task-bindings', handle);
  });

  it('a decision that violates its hit policy is an incident; a retry after deploying a fixed version completes', async () => {
    await decisions.deploy(fixture('dmn/Risk.overlapping.dmn'), 'owner');
    await processes.deploy(fixture('engine/BusinessRuleTask.incident.bpmn'), 'owner');
    const { instanceId } = await instances.start(
      { processId: 'decision-risk', businessKey: 'r-1', variables: { amount: 5000 } },
      OWNER,
    );
    const handle = env.client.workflow.getHandle(instanceId);
    const incident = await waitFor(async () => {
      const { incidents } = await handle.query(snapshotQuery);
      return incidents.find((i) => !i.resolved);
    }, 'the decision incident');
    expect(incident).toMatchObject({ elementId: 'Assess' });
    expect(incident.message).toMatch(/UNIQUE violated: rules risk_r1, risk_r2/);
    expect(await evaluationsOf(instanceId)).toEqual([]);

    expect(await decisions.deploy(fixture('dmn/Risk.fixed.dmn'), 'owner')).toMatchObject({ version: 2 });
    await handle.executeUpdate(retryIncidentUpdate, { args: [{ incidentId: incident.incidentId }] });
    await handle.result();
    const { variables, incidents } = await handle.query(snapshotQuery);
    // The output mapping reads the decision's context result.
    expect(variables).toMatchObject({ riskLevel: 'high' });
    expect(incidents.every((i) => i.resolved)).toBe(true);
    expect((await evaluationsOf(instanceId)).map((e) => [e.decisionVersion, e.result])).toEqual([
      [2, { level: 'high', reviewers: 2 }],
    ]);
  });

  it('a decision that is not deployed is an incident naming it', async () => {
    const xml = fixture('engine/BusinessRuleTask.incident.bpmn')
      .replace(/decision-risk/g, 'decision-missing')
      .replace('decisionId="risk"', 'decisionId="nowhere"');
    await processes.deploy(xml, 'owner');
    const { instanceId } = await instances.start(
      { processId: 'decision-missing', businessKey: 'm-1' },
      OWNER,
    );
    const handle = env.client.workflow.getHandle(instanceId);
    const incident = await waitFor(
      async () => (await handle.query(snapshotQuery)).incidents[0],
      'the incident',
    );
    expect(incident.message).toMatch(/no deployed decision nowhere/);
    await handle.terminate();
  });

  it('binding deployment without a deployed decision is a deploy error on the task', async () => {
    const xml = fixture('engine/BusinessRuleTask.bindings.bpmn')
      .replace(/decision-bindings/g, 'decision-unpinned')
      .replace(/decisionId="discount"/g, 'decisionId="absent"');
    await expect(processes.deploy(xml, 'owner')).rejects.toMatchObject({
      code: 'DEFINITION.INVALID',
      details: {
        errors: [{ elementId: 'Pinned', rule: 'called-decision', message: expect.stringMatching(/absent/) }],
      },
    });
  });
});
