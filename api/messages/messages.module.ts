import { Module } from '@nestjs/common';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module';
import { ProcessInstancesModule } from '../process-instances/process-instances.module';
import { MessagesController } from './messages.controller';
import { BufferedMessageDispatcher } from './buffered-message-dispatcher.service';
import { PublishMessageService } from './publish-message.service';

@Module({
  imports: [ProcessDefinitionsModule, ProcessInstancesModule],
  controllers: [MessagesController],
  providers: [PublishMessageService, BufferedMessageDispatcher],
})
export class MessagesModule {}
