import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { InternalWorkflowStartOptionsSymbol } from '@temporalio/client/lib/internal';
import type { AppConfig } from '../../config/app-config';
import type { ProcessGraph } from '../../model/process-graph';
import {
  businessKeyAttribute,
  ENGINE_TASK_QUEUE,
  instanceWorkflowId,
  PROCESS_INSTANCE_WORKFLOW,
  ProcessInstanceInput,
  SEARCH_ATTRIBUTES,
  Variables,
} from '../../workflows/protocol';
import { GROUPS, hasAnyGroup, Principal } from '../auth/principal';
import { APP_CONFIG } from '../config/app-config.module';
import { conflict, forbidden } from '../errors/domain-error';
import { assertWithinLimit } from '../input/payload-limit';
import { REQUEST_VARIABLES_LIMIT_BYTES, TEMPORAL_PAYLOAD_LIMIT_BYTES } from '../../workflows/limits';
import { ProcessDefinitionQueries } from '../process-definitions/process-definition-queries.service';
import { IN_PROCESS_TYPES } from '../process-packs/process-packs.module';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export interface StartedInstance {
  instanceId: string;
  processId: string;
  version: number;
}

export interface StartInstanceRequest {
  processId: string;
  version?: number;
  businessKey: string;
  variables?: Variables;
  startEventId?: string;
}

/** Starts a process instance: one workflow execution `<processId>/<businessKey>` running the pinned graph. */
@Injectable()
export class StartInstanceService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly definitions: ProcessDefinitionQueries,
    @Inject(IN_PROCESS_TYPES) private readonly inProcessTaskTypes: ReadonlySet<string>,
  ) {}

  /** `requestId`: see launch. */
  async start(
    request: StartInstanceRequest,
    principal: Principal,
    requestId?: string,
  ): Promise<StartedInstance> {
    assertWithinLimit('variables', request.variables ?? {}, REQUEST_VARIABLES_LIMIT_BYTES);
    const definition = await this.definitions.get(request.processId, request.version);
    assertMayStart(definition.graph, principal);
    return this.launch({ ...request, version: definition.version }, requestId);
  }

  /**
   * Starts without an authorisation check (the caller made it when it recorded the command).
   * With a `requestId`, a repeated start is answered with the run the first one created, even
   * after that run has ended (Temporal deduplicates start requests by request id).
   */
  async launch(request: StartInstanceRequest, requestId?: string): Promise<StartedInstance> {
    const definition = await this.definitions.get(request.processId, request.version);
    const workflowId = instanceWorkflowId(definition.processId, request.businessKey);
    const input: ProcessInstanceInput = {
      graph: definition.graph,
      version: definition.version,
      businessKey: request.businessKey,
      variables: request.variables ?? {},
      startEventId: request.startEventId,
      timeZone: this.config.plantTimeZone,
      inProcessTaskTypes: [...this.inProcessTaskTypes],
      jobWorkerTimeoutSeconds: this.config.jobWorkerTimeoutSeconds,
      limits: this.config.engineLimits,
      taskIdsWithRunKey: true,
    };
    // The whole input is one payload: the compiled graph travels with the variables.
    assertWithinLimit(
      'the instance input (graph and variables)',
      input,
      TEMPORAL_PAYLOAD_LIMIT_BYTES - 64 * 1024,
    );
    try {
      await this.client.workflow.start(PROCESS_INSTANCE_WORKFLOW, {
        taskQueue: ENGINE_TASK_QUEUE,
        workflowId,
        args: [input],
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.processId, value: definition.processId },
          { key: SEARCH_ATTRIBUTES.version, value: definition.version },
          { key: SEARCH_ATTRIBUTES.businessKey, value: businessKeyAttribute(request.businessKey) },
        ],
        ...(requestId ? { [InternalWorkflowStartOptionsSymbol]: { requestId } } : {}),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw conflict(
          'INSTANCE.ALREADY_RUNNING',
          `${definition.processId} already runs for business key ${request.businessKey}`,
          {
            instanceId: workflowId,
          },
        );
      }
      throw error;
    }
    return { instanceId: workflowId, processId: definition.processId, version: definition.version };
  }
}

/** service, process-owner and admin start anything; others only processes naming one of their groups as starter. */
export function assertMayStart(graph: ProcessGraph, principal: Principal): void {
  const allowed = [GROUPS.service, GROUPS.processOwner, GROUPS.admin, ...(graph.starterGroups ?? [])];
  if (!hasAnyGroup(principal, allowed)) {
    throw forbidden(
      'INSTANCE.START_FORBIDDEN',
      `Starting ${graph.processId} requires one of the groups: ${allowed.join(', ')}`,
    );
  }
}
