import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REQUEST_VARIABLES_LIMIT_BYTES } from '../../workflows/limits';
import { GROUPS } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { assertWithinLimit } from '../input/payload-limit';
import { InstanceCommandOutbox } from '../instance-commands/instance-command-outbox.service';
import { BroadcastSignalRequest } from './broadcast-signal.request.dto';

/**
 * POST /api/signals: the broadcast is recorded in the instance-command outbox, then delivered
 * at once (every waiting instance, every process with that signal start). 200 when it was
 * delivered, 202 when Temporal could not take it now: the outbox delivers it as soon as it can.
 */
@ApiTags('signals')
@ApiBearerAuth()
@Controller('signals')
export class SignalsController {
  constructor(
    private readonly outbox: InstanceCommandOutbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireGroups(GROUPS.service, GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Broadcast a signal to every waiting subscription and start every process with that signal start: 200 { signalId, delivered: true }, 202 { delivered: false } while Temporal is unreachable (the outbox retries)',
  })
  async broadcast(@Body() body: BroadcastSignalRequest, @Res({ passthrough: true }) res: Response) {
    assertWithinLimit('variables', body.variables ?? {}, REQUEST_VARIABLES_LIMIT_BYTES);
    const signal = {
      name: body.name,
      variables: body.variables ?? {},
      signalId: body.signalId ?? randomUUID(),
    };
    const id = await this.dataSource.transaction((em) =>
      this.outbox.record(em, { kind: 'broadcast', workflowId: '', signal }),
    );
    const delivered = await this.outbox.deliver([id]);
    if (!delivered) res.status(202);
    return { signalId: signal.signalId, delivered };
  }
}
