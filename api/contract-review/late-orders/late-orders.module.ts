import { Module } from '@nestjs/common';
import { LateOrdersController } from './late-orders.controller';

@Module({ controllers: [LateOrdersController] })
export class LateOrdersModule {}
