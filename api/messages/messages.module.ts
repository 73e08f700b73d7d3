import { Module } from '@nestjs/common';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module';
import { ProcessInstancesModule } from '../process-instances/process-instances.module';
import { MessagesController } from './messages.controller';
import { PublishMessageService } from './publish-message.service';

@Module({
  imports: [ProcessDefinitionsModule, ProcessInstancesModule],
  controllers: [MessagesController],
  providers: [PublishMessageService],
})
export class MessagesModule {}
