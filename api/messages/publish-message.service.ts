import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource, QueryFailedError } from 'typeorm';
import type { ProcessGraph } from '../../model/process-graph';
import {
  messageSignal,
  PROCESS_INSTANCE_WORKFLOW,
  SEARCH_ATTRIBUTES,
  subscriptionTerm,
  variablesLimitQuery,
  type Variables,
} from '../../workflows/protocol';
import type { Principal } from '../auth/principal';
import { conflict, DomainError, notFound } from '../errors/domain-error';
import { IdempotentRequests } from '../instance-commands/idempotent-requests.service';
import { temporalRequestId } from '../instance-commands/instance-command';
import { assertWithinLimit } from '../input/payload-limit';
import { REQUEST_VARIABLES_LIMIT_BYTES } from '../../workflows/limits';
import { ProcessDefinitionQueries } from '../process-definitions/process-definition-queries.service';
import { StartInstanceService } from '../process-instances/start-instance.service';
import { visibilityLiteral } from '../temporal/instance-status';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import type { PublishMessageRequest } from './publish-message.request.dto';
import { BufferedMessageEntity } from '../../persistence/entities';

/**
 * Correlates a message to every instance waiting for it (catch events, receive tasks,
 * boundaries, event-based gateways, event subprocesses: all appear in the instance's
 * BpmnSubscriptions search attribute) and starts an instance of every process whose
 * message start event has that name. A message nobody waits for is a 404, unless it has a
 * `timeToLive`: then it is buffered (as in Zeebe) for subscriptions that open before it expires.
 * A `messageId` makes publishing idempotent: the instances dedupe the signal by it, starts
 * carry a request id derived from it, and the answer is kept, so a repeated publish (after a
 * timeout, or the instance it started has already ended) answers the same and starts nothing new.
 */
/** How long a waiting instance may take to say whether a message's variables fit. */
const SIZE_CHECK_MS = 3_000;

type Published = { instanceIds: string[]; startedInstanceIds: string[]; buffered?: true };
const SCOPE = 'message';

@Injectable()
export class PublishMessageService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly definitions: ProcessDefinitionQueries,
    private readonly starter: StartInstanceService,
    private readonly idempotent: IdempotentRequests,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async publish(request: PublishMessageRequest, principal: Principal): Promise<Published> {
    assertWithinLimit('variables', request.variables ?? {}, REQUEST_VARIABLES_LIMIT_BYTES);
    if (!request.messageId) return this.correlate(request, randomUUID(), principal);
    const fingerprintOf = {
      name: request.name,
      correlationKey: request.correlationKey,
      variables: request.variables,
      timeToLive: request.timeToLive,
    };
    const em = this.dataSource.manager;
    const seen = await this.idempotent.recall<Published>(em, SCOPE, request.messageId, fingerprintOf);
    if (seen.kind === 'same') return seen.response;
    if (seen.kind === 'different')
      throw conflict('MESSAGE.ID_REUSED', `messageId ${request.messageId} was published with other content`, {
        messageId: request.messageId,
      });
    const published = await this.correlate(request, request.messageId, principal);
    try {
      await this.idempotent.remember(em, SCOPE, request.messageId, fingerprintOf, published);
    } catch (error) {
      // The same message published at once elsewhere: both correlated the same instances.
      if (!(error instanceof QueryFailedError)) throw error;
    }
    return published;
  }

  private async correlate(
    request: PublishMessageRequest,
    messageId: string,
    principal: Principal,
  ): Promise<Published> {
    const ttl = request.timeToLive ?? 0;
    const signal = {
      name: request.name,
      correlationKey: request.correlationKey,
      variables: request.variables ?? {},
      messageId,
      ...(ttl ? { timeToLiveMs: ttl } : {}),
    };
    const waiting = await this.waitingInstances(request.name, request.correlationKey);
    await this.refuseOversized(waiting, request.name, signal.variables);
    await Promise.all(waiting.map((id) => this.client.workflow.getHandle(id).signal(messageSignal, signal)));
    const started = await this.startByMessage(request, messageId, principal);
    if (ttl) {
      await this.buffer(request, messageId, ttl, [...waiting, ...started]);
      return { instanceIds: [...waiting, ...started], startedInstanceIds: started, buffered: true };
    }
    if (!waiting.length && !started.length) {
      throw notFound(
        'MESSAGE.NO_SUBSCRIBER',
        `No instance waits for message ${request.name}${request.correlationKey ? ` with correlation key ${request.correlationKey}` : ''}, and no process starts with it`,
      );
    }
    return { instanceIds: [...waiting, ...started], startedInstanceIds: started };
  }

  /**
   * 409 `INSTANCE.VARIABLES_LIMIT` before anything is signalled when the message's variables
   * would push a waiting instance past its variables limit: a signal cannot be refused, and
   * the instance would leave it out anyway (workflows/handlers.ts). An instance that does not
   * answer in time (no worker) is not held against the message: it checks for itself.
   */
  private async refuseOversized(instanceIds: string[], name: string, variables: Variables): Promise<void> {
    if (!Object.keys(variables).length) return;
    const refusals = await Promise.all(
      instanceIds.map(async (instanceId) => {
        const refusal = await this.client
          .withDeadline(Date.now() + SIZE_CHECK_MS, () =>
            this.client.workflow.getHandle(instanceId).query(variablesLimitQuery, variables),
          )
          .catch(() => null);
        return refusal && { instanceId, ...refusal };
      }),
    );
    const refused = refusals.find((r) => r !== null);
    if (refused)
      throw conflict(
        'INSTANCE.VARIABLES_LIMIT',
        `message ${name} refused for instance ${refused.instanceId}: ${refused.message}`,
        { ...refused.details, instanceId: refused.instanceId },
      );
  }

  /** Kept until it expires; the processes it reached now are not correlated again (BufferedMessageDispatcher). */
  private async buffer(
    request: PublishMessageRequest,
    messageId: string,
    ttl: number,
    instanceIds: string[],
  ): Promise<void> {
    const now = Date.now();
    await this.dataSource.getRepository(BufferedMessageEntity).save({
      messageId,
      name: request.name,
      correlationKey: request.correlationKey ?? '',
      variables: request.variables ?? {},
      expiresAt: new Date(now + ttl).toISOString(),
      correlatedProcessIds: [...new Set(instanceIds.map(processOfInstance))],
      createdAt: new Date(now).toISOString(),
      leaseUntil: null,
    });
  }

  /** Running instances whose BpmnSubscriptions show a subscription for the message. */
  async waitingInstances(name: string, correlationKey?: string): Promise<string[]> {
    const query = [
      `WorkflowType = ${visibilityLiteral(PROCESS_INSTANCE_WORKFLOW)}`,
      `ExecutionStatus = 'Running'`,
      `${SEARCH_ATTRIBUTES.subscriptions.name} = ${visibilityLiteral(subscriptionTerm(name, correlationKey))}`,
    ].join(' AND ');
    const ids: string[] = [];
    for await (const execution of this.client.workflow.list({ query })) ids.push(execution.workflowId);
    return ids;
  }

  private async startByMessage(
    request: PublishMessageRequest,
    messageId: string,
    principal: Principal,
  ): Promise<string[]> {
    const started: string[] = [];
    for (const { processId } of await this.definitions.list()) {
      const { graph } = await this.definitions.get(processId);
      const startEvent = messageStartEvent(graph, request.name);
      if (!startEvent) continue;
      try {
        const instance = await this.starter.start(
          {
            processId,
            businessKey: request.correlationKey ?? messageId,
            variables: request.variables,
            startEventId: startEvent,
          },
          principal,
          temporalRequestId(`${SCOPE}:${messageId}:${processId}`),
        );
        started.push(instance.instanceId);
      } catch (error) {
        // Like Zeebe: one running instance per correlation key of a message start event.
        if (!(error instanceof DomainError && error.code === 'INSTANCE.ALREADY_RUNNING')) throw error;
      }
    }
    return started;
  }
}

/** Instance ids are `<processId>/<businessKey>` (process ids have no `/`). */
export function processOfInstance(instanceId: string): string {
  return instanceId.slice(0, instanceId.indexOf('/'));
}

function messageStartEvent(graph: ProcessGraph, name: string): string | undefined {
  return Object.values(graph.nodes).find(
    (n) =>
      n.kind === 'startEvent' &&
      n.parent === graph.processId &&
      n.event.type === 'message' &&
      n.event.messageName === name,
  )?.id;
}
