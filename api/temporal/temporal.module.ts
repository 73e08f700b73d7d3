import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Client } from '@temporalio/client';

/** Injection token of the Temporal client (created and closed by whoever starts the API). */
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

@Global()
@Module({})
export class TemporalModule {
  static forClient(client: Client): DynamicModule {
    return {
      module: TemporalModule,
      providers: [{ provide: TEMPORAL_CLIENT, useValue: client }],
      exports: [TEMPORAL_CLIENT],
    };
  }
}
