import { Module } from '@nestjs/common';
import { RecordingChannel } from '../../activities/contract-review/records/outbox';
import { OUTBOX_CHANNEL, OutboxController } from './outbox.controller';

/** The embedded default records messages; a deployment swaps OUTBOX_CHANNEL for SMTP/EDI. */
@Module({
  controllers: [OutboxController],
  providers: [{ provide: OUTBOX_CHANNEL, useClass: RecordingChannel }],
})
export class OutboxModule {}
