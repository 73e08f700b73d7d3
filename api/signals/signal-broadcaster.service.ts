import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { ProcessGraph } from '../../model/process-graph';
import {
  broadcastSignal,
  PROCESS_INSTANCE_WORKFLOW,
  SEARCH_ATTRIBUTES,
  signalTerm,
  type SignalBroadcast,
} from '../../workflows/protocol';
import { DomainError } from '../errors/domain-error';
import { temporalRequestId } from '../instance-commands/instance-command';
import { ProcessDefinitionQueries } from '../process-definitions/process-definition-queries.service';
import { StartInstanceService } from '../process-instances/start-instance.service';
import { visibilityLiteral } from '../temporal/instance-status';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export interface BroadcastOutcome {
  /** Running instances that had a subscription for the signal. */
  instanceIds: string[];
  /** Instances of processes whose latest version starts with the signal. */
  startedInstanceIds: string[];
}

/**
 * Delivers one broadcast: signals every running instance whose BpmnSubscriptions carry the
 * signal's term (catch events, boundaries, event subprocesses, event-based gateways publish
 * it while they wait; visibility answers, no fan-out over instances) and starts an instance of
 * every process whose latest version has a signal start event of that name (Zeebe keeps
 * signal start subscriptions for the latest version only). Idempotent by signal id: instances
 * ignore a signal id they have seen, and each start has a business key and request id derived
 * from it, so the outbox may deliver it again after a failure.
 */
@Injectable()
export class SignalBroadcaster {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly definitions: ProcessDefinitionQueries,
    private readonly starter: StartInstanceService,
  ) {}

  async broadcast(signal: SignalBroadcast): Promise<BroadcastOutcome> {
    const waiting = await this.waitingInstances(signal.name);
    await Promise.all(waiting.map((id) => this.signalInstance(id, signal)));
    const startedInstanceIds = await this.startProcesses(signal);
    return { instanceIds: waiting, startedInstanceIds };
  }

  private async waitingInstances(name: string): Promise<string[]> {
    const query = [
      `WorkflowType = ${visibilityLiteral(PROCESS_INSTANCE_WORKFLOW)}`,
      `ExecutionStatus = 'Running'`,
      `${SEARCH_ATTRIBUTES.subscriptions.name} = ${visibilityLiteral(signalTerm(name))}`,
    ].join(' AND ');
    const ids: string[] = [];
    for await (const execution of this.client.workflow.list({ query })) ids.push(execution.workflowId);
    return ids;
  }

  private async signalInstance(workflowId: string, signal: SignalBroadcast): Promise<void> {
    try {
      await this.client.workflow.getHandle(workflowId).signal(broadcastSignal, signal);
    } catch (error) {
      // It ended since visibility listed it: nothing waits there any more.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  private async startProcesses(signal: SignalBroadcast): Promise<string[]> {
    const started: string[] = [];
    for (const { processId } of await this.definitions.list()) {
      const { graph, version } = await this.definitions.get(processId);
      const startEventId = signalStartEvent(graph, signal.name);
      if (!startEventId) continue;
      try {
        const instance = await this.starter.launch(
          {
            processId,
            version,
            businessKey: signalBusinessKey(signal.signalId),
            variables: signal.variables ?? {},
            startEventId,
          },
          temporalRequestId(`signal:${signal.signalId}:${processId}`),
        );
        started.push(instance.instanceId);
      } catch (error) {
        // Delivered before (the outbox retried after a partial failure): the instance exists.
        if (!(error instanceof DomainError && error.code === 'INSTANCE.ALREADY_RUNNING')) throw error;
        const { instanceId } = (error.details ?? {}) as { instanceId?: string };
        if (instanceId) started.push(instanceId);
      }
    }
    return started;
  }
}

/** A signal start has no correlation key: the business key names the broadcast (no `/`, bounded length). */
export function signalBusinessKey(signalId: string): string {
  return `signal-${createHash('sha256').update(signalId).digest('hex').slice(0, 24)}`;
}

function signalStartEvent(graph: ProcessGraph, name: string): string | undefined {
  return Object.values(graph.nodes).find(
    (n) =>
      n.kind === 'startEvent' &&
      n.parent === graph.processId &&
      n.event.type === 'signal' &&
      n.event.signalName === name,
  )?.id;
}
