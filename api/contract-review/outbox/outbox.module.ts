import { Module } from '@nestjs/common';
import { NOTIFICATION_CHANNEL } from '../../notifications/notification-channel';
import { OUTBOX_CHANNEL, OutboxController } from './outbox.controller';

/**
 * Customer communications go out through the notification channel: mail over SMTP_URL
 * (customer:<id> resolved through the address book), or, in the embedded default, recorded.
 */
@Module({
  controllers: [OutboxController],
  providers: [{ provide: OUTBOX_CHANNEL, useExisting: NOTIFICATION_CHANNEL }],
})
export class OutboxModule {}
