import { Module } from '@nestjs/common';
import { SignalsController } from './signals.controller';

/** POST /api/signals; the broadcast itself is delivered by the instance-command outbox (SignalBroadcaster). */
@Module({ controllers: [SignalsController] })
export class SignalsModule {}
