import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { CompleteTaskRequestBody } from './complete-task.request.dto';
import { CompleteTaskService } from './complete-task.service';
import { ListTasksRequest } from './list-tasks.request.dto';
import { TaskQueries } from './task-queries.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly queries: TaskQueries,
    private readonly completer: CompleteTaskService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'User tasks (filters, cursor paging: { items, nextCursor? })' })
  list(@Query() query: ListTasksRequest) {
    return this.queries.list(query);
  }

  @Get(':taskId')
  @ApiOperation({ summary: 'One task with its variables and form' })
  get(@Param('taskId') taskId: string) {
    return this.queries.get(taskId);
  }

  @Post(':taskId/complete')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Complete a task: 200 applied; 202 recorded, applied when the instance’s worker takes it (GET the task for its completion status); 400 form data invalid; 403 not a candidate; 409 completed or no longer active; 503 no engine worker (nothing recorded)',
  })
  async complete(
    @Param('taskId') taskId: string,
    @Body() body: CompleteTaskRequestBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.completer.complete(taskId, body.variables ?? {}, principal);
    res.status(answer.status);
    return answer.body;
  }
}
