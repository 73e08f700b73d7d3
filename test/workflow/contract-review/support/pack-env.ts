/**
 * The contract review pack on the time-skipping server: the real engine worker (interpreter
 * plus every in-process activity) against a SQLite database in a temp folder, the five
 * diagrams deployed through DeployDefinitionService, and the API's own services (create
 * contract, deliveries, delays, amendments, CSR documents) called in-process with the test
 * server's client — so the domain records are the ones production writes.
 */
import { AuditTrail } from '../../../../api/audit/audit-trail.service';
import { EngineWorkers } from '../../../../api/temporal/engine-workers';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { type DataSource, Like } from 'typeorm';
import type { Principal } from '../../../../api/auth/principal';
import { AmendContractService } from '../../../../api/contract-review/contracts/amend-contract/amend-contract.service';
import { ContractSignalService } from '../../../../api/contract-review/contracts/contract-signal.service';
import { CreateContractService } from '../../../../api/contract-review/contracts/create-contract/create-contract.service';
import type { CreateContractRequest } from '../../../../api/contract-review/contracts/create-contract/create-contract.request.dto';
import { DeclareDelayService } from '../../../../api/contract-review/contracts/declare-delay/declare-delay.service';
import { ContractQueries } from '../../../../api/contract-review/contracts/queries/contract-queries.service';
import { RecordDeliveryService } from '../../../../api/contract-review/contracts/record-delivery/record-delivery.service';
import { CsrController } from '../../../../api/contract-review/csr/csr.controller';
import { DeployDefinitionService } from '../../../../api/process-definitions/deploy-definition.service';
import { ProcessDefinitionQueries } from '../../../../api/process-definitions/process-definition-queries.service';
import type { TimerStartSchedules } from '../../../../api/process-definitions/timer-start-schedules.service';
import { StartInstanceService } from '../../../../api/process-instances/start-instance.service';
import { contractReviewPack } from '../../../../api/contract-review/contract-review.pack';
import { IdempotentRequests } from '../../../../api/instance-commands/idempotent-requests.service';
import { SignalBroadcaster } from '../../../../api/signals/signal-broadcaster.service';
import { InstanceCommandDelivery } from '../../../../api/instance-commands/instance-command-delivery.service';
import { InstanceCommandOutbox } from '../../../../api/instance-commands/instance-command-outbox.service';
import { type AppConfig, loadConfig } from '../../../../config/app-config';
import { IN_PROCESS_TASK_TYPES } from '../../../../config/process-packs';
import { openDatabase } from '../../../../persistence/data-source';
import { UserTaskEntity } from '../../../../persistence/entities';
import {
  CustomerEntity,
  OutboxMessageEntity,
  PartEntity,
} from '../../../../persistence/entities/contract-review';
import { createEngineWorker } from '../../../../worker/create-worker';
import {
  completeTaskUpdate,
  snapshotQuery,
  timelineQuery,
  type Variables,
} from '../../../../workflows/protocol';
import { createTimeSkippingEnv } from '../../../support/temporal-env';
import { waitFor } from '../../support/wait';

const noSchedules = { sync: async () => [] } as unknown as TimerStartSchedules;

export const SERVICE: Principal = { user: 'erp-bridge', groups: ['service'] } as Principal;
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export class PackEnv {
  env!: TestWorkflowEnvironment;
  db!: DataSource;
  config!: AppConfig;
  worker!: Worker;
  private running!: Promise<void>;

  contracts!: CreateContractService;
  queries!: ContractQueries;
  deliveries!: RecordDeliveryService;
  delays!: DeclareDelayService;
  amendments!: AmendContractService;
  signals!: ContractSignalService;
  csr!: CsrController;
  instances!: StartInstanceService;

  async setUp(): Promise<void> {
    const dataDir = mkdtempSync(join(tmpdir(), 'cr-pack-'));
    this.config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', PLANT_TIME_ZONE: 'Asia/Shanghai' });
    this.env = await createTimeSkippingEnv();
    this.db = await openDatabase(this.config.database);
    const deployer = new DeployDefinitionService(this.db, noSchedules, IN_PROCESS_TASK_TYPES);
    for (const file of contractReviewPack.diagrams) {
      const result = await deployer.deploy(readFileSync(file, 'utf8'), 'process-owner');
      if (result.warnings.length)
        throw new Error(`${file} deployed with warnings: ${JSON.stringify(result.warnings)}`);
    }
    this.worker = await createEngineWorker({
      connection: this.env.nativeConnection,
      config: this.config,
      dataSource: this.db,
    });
    this.running = this.worker.run();

    const client = this.env.client;
    this.instances = new StartInstanceService(
      client,
      this.config,
      new ProcessDefinitionQueries(this.db),
      IN_PROCESS_TASK_TYPES,
    );
    this.queries = new ContractQueries(this.db);
    const broadcaster = new SignalBroadcaster(client, new ProcessDefinitionQueries(this.db), this.instances);
    const outbox = new InstanceCommandOutbox(
      this.db,
      new InstanceCommandDelivery(
        client,
        this.instances,
        broadcaster,
        this.db,
        new AuditTrail(this.db),
        new EngineWorkers(client),
      ),
    );
    const idempotent = new IdempotentRequests();
    this.signals = new ContractSignalService(outbox);
    const signals = this.signals;
    this.contracts = new CreateContractService(
      this.db,
      new ProcessDefinitionQueries(this.db),
      outbox,
      idempotent,
    );
    this.deliveries = new RecordDeliveryService(this.db, this.config, this.queries, signals, idempotent);
    this.delays = new DeclareDelayService(this.db, this.queries, signals);
    this.amendments = new AmendContractService(this.db, this.queries, signals);
    this.csr = new CsrController(this.db, this.instances);
  }

  async tearDown(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    if (this.db?.isInitialized) await this.db.destroy();
    await this.env?.teardown();
  }

  /** Server time (skipped time included). */
  async now(): Promise<number> {
    return Number(await this.env.currentTimeMs());
  }

  /** Skip to the next `weekday` (0 = Sunday) at `hour`:00 in Asia/Shanghai, at least a day ahead. */
  async skipToPlant(weekday: number, hour: number): Promise<number> {
    const now = await this.now();
    let target = plantInstant(plantDateOf(now + DAY), hour);
    while (new Date(target + 8 * HOUR).getUTCDay() !== weekday) target += DAY;
    await this.env.sleep(target - now);
    return target;
  }

  async seedMasterData(): Promise<void> {
    const at = new Date().toISOString();
    await this.db.getRepository(PartEntity).save([
      {
        partNo: 'HL-100',
        description: 'Head lamp, regular',
        stockQty: 5000,
        leadTimeDays: 3,
        dailyCapacity: 200,
        activeUntil: '2030-06-30',
        updatedAt: at,
      },
      {
        partNo: 'TL-200',
        description: 'Tail lamp, small stock',
        stockQty: 100,
        leadTimeDays: 5,
        dailyCapacity: 50,
        activeUntil: '2031-12-31',
        updatedAt: at,
      },
    ]);
    await this.db.getRepository(CustomerEntity).save([
      {
        customerId: 'chrysler',
        name: 'Chrysler',
        oem: true,
        symbols: [
          { symbol: 'S', meaning: 'safety (shield)' },
          { symbol: 'D', meaning: 'key characteristic (diamond)' },
        ],
        extraRetentionYears: 0,
        updatedAt: at,
      },
      {
        customerId: 'lumen',
        name: 'Lumen Trading',
        oem: false,
        symbols: [],
        extraRetentionYears: 0,
        updatedAt: at,
      },
    ]);
  }

  async createContract(
    request: Partial<CreateContractRequest> & Pick<CreateContractRequest, 'contractNo' | 'lines'>,
  ) {
    const full = {
      customerId: 'lumen',
      channel: 'edi',
      documentType: 'order',
      annual: false,
      oemSupply: false,
      automotive: false,
      specialRequirements: [],
      delivery: {
        method: 'DAP',
        place: 'Lumen warehouse, Shanghai',
        packaging: 'carton, 20 per box',
        transport: 'truck, seller pays',
      },
      paymentTerms: '60 days net',
      ...request,
    } as CreateContractRequest;
    return this.contracts.create(full, SERVICE);
  }

  /**
   * The open task of `elementId` in instance `instanceId` or an instance it called (a stage of
   * the contract review: `<instanceId>/Call_…/…`), as the task record the worker wrote.
   */
  async openTask(
    instanceId: string,
    elementId: string,
    which: (task: UserTaskEntity) => boolean = () => true,
  ): Promise<UserTaskEntity> {
    return waitFor(
      async () => (await this.openTaskRows(instanceId, elementId)).find(which),
      `open task ${elementId} in ${instanceId}`,
    );
  }

  async openTasks(instanceId: string, elementId: string, count: number): Promise<UserTaskEntity[]> {
    return waitFor(async () => {
      const rows = await this.openTaskRows(instanceId, elementId);
      return rows.length === count ? rows : undefined;
    }, `${count} open tasks ${elementId} in ${instanceId}`);
  }

  private openTaskRows(instanceId: string, elementId: string): Promise<UserTaskEntity[]> {
    return this.db.getRepository(UserTaskEntity).find({
      where: [
        { instanceId, elementId, state: 'open' },
        { instanceId: Like(`${instanceId}/%`), elementId, state: 'open' },
      ],
      order: { createdAt: 'ASC' },
    });
  }

  /** Completes the task through the completeTask update, as the API does for this user. */
  async complete(task: UserTaskEntity, user: string, groups: string[], variables: Variables = {}) {
    return this.env.client.workflow
      .getHandle(task.instanceId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId: task.taskId, user, groups, variables }] });
  }

  async completeOpen(
    instanceId: string,
    elementId: string,
    user: string,
    groups: string[],
    variables: Variables = {},
  ) {
    return this.complete(await this.openTask(instanceId, elementId), user, groups, variables);
  }

  /**
   * Completed elements in order, the process itself left out. A completed call activity is
   * preceded by the trace of the instance it called (a stage), a stage still running ends the
   * trace; the late order is left out, its instance is followed on its own.
   */
  async trace(instanceId: string): Promise<string[]> {
    const timeline = await this.env.client.workflow.getHandle(instanceId).query(timelineQuery);
    const children = (await this.children(instanceId)).map((c) => c.id);
    const out: string[] = [];
    for (const e of timeline.filter((e) => e.event === 'completed' && e.elementType !== 'process')) {
      if (e.elementType === 'callActivity' && e.elementId !== 'Call_LateOrder') {
        const child = children.find((id) => id.startsWith(`${instanceId}/${e.elementId}/`));
        if (child) {
          children.splice(children.indexOf(child), 1);
          out.push(...(await this.trace(child)));
        }
      }
      out.push(e.elementId);
    }
    // A stage still running comes last (the stages of one contract run one after the other).
    for (const child of children)
      if (!child.slice(instanceId.length + 1).startsWith('Call_LateOrder/'))
        out.push(...(await this.trace(child)));
    return out;
  }

  /** The instances `instanceId` called, in the order it started them, from its history. */
  async children(instanceId: string): Promise<{ id: string; open: boolean }[]> {
    const { events } = await this.env.client.workflow.getHandle(instanceId).fetchHistory();
    const closed = new Set(
      (events ?? []).flatMap((e) =>
        [
          e.childWorkflowExecutionCompletedEventAttributes,
          e.childWorkflowExecutionFailedEventAttributes,
          e.childWorkflowExecutionCanceledEventAttributes,
          e.childWorkflowExecutionTerminatedEventAttributes,
          e.childWorkflowExecutionTimedOutEventAttributes,
        ].flatMap((a) => (a?.workflowExecution?.workflowId ? [a.workflowExecution.workflowId] : [])),
      ),
    );
    return (events ?? []).flatMap((e) => {
      const id = e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId;
      return id ? [{ id, open: !closed.has(id) }] : [];
    });
  }

  async snapshot(instanceId: string) {
    return this.env.client.workflow.getHandle(instanceId).query(snapshotQuery);
  }

  /** Elements active in the instance or in an instance it called that still runs. */
  async activeElements(instanceId: string): Promise<string[]> {
    const own = (await this.snapshot(instanceId)).activeElements;
    const open = (await this.children(instanceId)).filter((c) => c.open);
    const nested = await Promise.all(open.map((c) => this.activeElements(c.id).catch(() => [])));
    return [...own, ...nested.flat()];
  }

  /** Wait until the instance (or a stage it called) waits at `elementId` (its subscription or task is open). */
  async waitAt(instanceId: string, elementId: string, timeoutMs?: number): Promise<void> {
    await waitFor(
      async () => (await this.activeElements(instanceId)).includes(elementId) || undefined,
      `${instanceId} at ${elementId}`,
      timeoutMs,
    );
  }

  async outbox(contractNo: string) {
    return this.db
      .getRepository(OutboxMessageEntity)
      .find({ where: { contractNo }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The instance's result once it has ended, waited for in real time: awaiting `result()` on a
   * running instance unlocks time skipping, and the test server then jumps ahead (to a 10-year
   * default timeout) while an activity task is still queued on a busy machine.
   */
  async result(instanceId: string) {
    const handle = this.env.client.workflow.getHandle(instanceId);
    await waitFor(
      async () => (await handle.describe()).status.name !== 'RUNNING' || undefined,
      `${instanceId} ended`,
      60_000,
    );
    return handle.result();
  }
}

/** The calendar date of an instant in the plant zone (UTC+8, no DST). */
export function plantDateOf(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
}

/** `hour`:00 plant time on `date`. */
export function plantInstant(date: string, hour: number): number {
  return Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

export function plantDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A completed regular department review: every item accepted. */
export const ALL_ACCEPT = Object.fromEntries('abcdefghi'.split('').map((k) => [k, 'accept']));
