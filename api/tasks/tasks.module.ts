import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { ProcessDefinitionsModule } from '../process-definitions/process-definitions.module';
import { CompleteTaskService } from './complete-task.service';
import { TaskCompletionGuards } from './task-completion-guards';
import { TaskQueries } from './task-queries.service';
import { TasksController } from './tasks.controller';

@Module({
  imports: [FormsModule, ProcessDefinitionsModule],
  controllers: [TasksController],
  providers: [TaskQueries, CompleteTaskService, TaskCompletionGuards],
  exports: [TaskCompletionGuards],
})
export class TasksModule {}
