import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'temporal') {
    const indicator = this.health.check(key);
    try {
      const info = await this.client.workflowService.getSystemInfo({});
      return indicator.up({ serverVersion: info.serverVersion, namespace: this.client.options.namespace });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
