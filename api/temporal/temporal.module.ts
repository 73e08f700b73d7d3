import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { EngineWorkers } from './engine-workers';
import { TEMPORAL_CLIENT } from './temporal-client';

export { TEMPORAL_CLIENT };

@Global()
@Module({})
export class TemporalModule {
  static forClient(client: Client): DynamicModule {
    return {
      module: TemporalModule,
      providers: [{ provide: TEMPORAL_CLIENT, useValue: client }, EngineWorkers],
      exports: [TEMPORAL_CLIENT, EngineWorkers],
    };
  }
}
