import { DynamicModule, Global, Module } from '@nestjs/common';
import { inProcessTaskTypes, type ProcessPack } from '../../config/process-pack';

/** Injection token: the service-task types the engine worker serves in-process (ReadonlySet<string>). */
export const IN_PROCESS_TYPES = Symbol('IN_PROCESS_TYPES');

/**
 * The installed packs as the generic API sees them: only what they contribute to generic
 * behaviour (today the in-process task types, for deploy warnings and instance starts).
 * Each pack's own endpoints come in through its apiModule (api/app.module.ts).
 */
@Global()
@Module({})
export class ProcessPacksModule {
  static forPacks(packs: readonly ProcessPack[]): DynamicModule {
    return {
      module: ProcessPacksModule,
      providers: [{ provide: IN_PROCESS_TYPES, useValue: inProcessTaskTypes(packs) }],
      exports: [IN_PROCESS_TYPES],
    };
  }
}
