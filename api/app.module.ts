import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { logDestination } from '../runtime/log-destination';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfigModule } from './config/app-config.module';
import { HealthModule } from './health/health.module';
import { DecisionDefinitionsModule } from './decision-definitions/decision-definitions.module';
import { HistoryModule } from './history/history.module';
import { FormsModule } from './forms/forms.module';
import { IncidentsModule } from './incidents/incidents.module';
import { InstanceCommandsModule } from './instance-commands/instance-commands.module';
import { InstanceOperationsModule } from './instance-operations/instance-operations.module';
import { BatchOperationsModule } from './batch-operations/batch-operations.module';
import { MessagesModule } from './messages/messages.module';
import { SignalsModule } from './signals/signals.module';
import { ProcessDefinitionsModule } from './process-definitions/process-definitions.module';
import { ProcessInstancesModule } from './process-instances/process-instances.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { SettingsModule } from './settings/settings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProcessPacksModule } from './process-packs/process-packs.module';
import { PROCESS_PACKS } from '../config/process-packs';

export interface ApiRuntime {
  config: AppConfig;
  temporal: Client;
  /** An initialised, migrated data source (see persistence/data-source.ts). */
  dataSource: DataSource;
}

/** The built web UI (npm run build:web), served on the API's port: found from dist/api/ when built, from api/ under ts tooling. */
export const WEB_DIST =
  [join(__dirname, '..', '..', 'web', 'dist'), join(__dirname, '..', 'web', 'dist')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  ) ?? join(__dirname, '..', '..', 'web', 'dist');

const withDestination = <T>(options: T, destination: DestinationStream | undefined) =>
  destination ? ([options, destination] as [T, DestinationStream]) : options;

@Module({})
export class AppModule {
  static create(runtime: ApiRuntime): DynamicModule {
    const webUi = existsSync(join(WEB_DIST, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: WEB_DIST, exclude: ['/api/{*rest}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(runtime.config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: withDestination(
            {
              level: runtime.config.logLevel,
              redact: ['req.headers.authorization'],
              autoLogging: { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
            },
            logDestination(runtime.config.logFile),
          ),
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => runtime.dataSource.options,
          dataSourceFactory: async () => runtime.dataSource,
        }),
        TemporalModule.forClient(runtime.temporal),
        InstanceCommandsModule,
        AuthModule,
        AuditModule,
        HistoryModule,
        HealthModule,
        SettingsModule,
        NotificationsModule,
        ProcessDefinitionsModule,
        DecisionDefinitionsModule,
        ProcessInstancesModule,
        TasksModule,
        FormsModule,
        MessagesModule,
        SignalsModule,
        IncidentsModule,
        ProcessPacksModule.forPacks(PROCESS_PACKS),
        ...PROCESS_PACKS.map((pack) => pack.apiModule),
        InstanceOperationsModule,
        BatchOperationsModule,
        ...webUi,
      ],
    };
  }
}
