import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '../audit/audit-trail.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { PublishMessageRequest } from './publish-message.request.dto';
import { PublishMessageService } from './publish-message.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly publisher: PublishMessageService,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireGroups(GROUPS.service, GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Publish a message: 200 { instanceIds } correlated or started; 404 when nobody waits (not buffered)',
  })
  async publish(@Body() body: PublishMessageRequest, @CurrentPrincipal() principal: Principal) {
    const result = await this.publisher.publish(body, principal);
    // One entry per instance reached, so an instance's audit trail shows the message.
    for (const instanceId of result.instanceIds.length ? result.instanceIds : [undefined])
      await this.audit.record(principal.user, 'message-publish', {
        instanceId,
        subject: body.name,
        details: { correlationKey: body.correlationKey, messageId: body.messageId },
      });
    return result;
  }
}
