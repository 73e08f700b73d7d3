import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { AddressBook } from './address-book';
import { MailChannel } from './mail-channel';
import {
  NOTIFICATION_CHANNEL,
  type NotificationChannel,
  RecordingNotificationChannel,
} from './notification-channel';
import { NotificationsController } from './notifications.controller';
import { TaskNoticesService } from './task-notices.service';

/**
 * Notifications that arrive: with SMTP_URL set, NOTIFICATION_CHANNEL sends mail; without
 * it (the embedded default) notifications are recorded only. Global, so a pack's outbox
 * can deliver through the same channel (`useExisting: NOTIFICATION_CHANNEL`).
 */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [
    {
      provide: NOTIFICATION_CHANNEL,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource): NotificationChannel =>
        config.mail.smtpUrl
          ? new MailChannel(config.mail.smtpUrl, config.mail.from, new AddressBook(dataSource))
          : new RecordingNotificationChannel(),
    },
    TaskNoticesService,
  ],
  exports: [NOTIFICATION_CHANNEL, TaskNoticesService],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATION_CHANNEL) private readonly channel: NotificationChannel) {}

  onApplicationShutdown(): void {
    if (this.channel instanceof MailChannel) this.channel.close();
  }
}
