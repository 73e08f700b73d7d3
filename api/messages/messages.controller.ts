import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GROUPS, Principal } from '../auth/principal';
import { RequireGroups } from '../auth/require-groups.decorator';
import { PublishMessageRequest } from './publish-message.request.dto';
import { PublishMessageService } from './publish-message.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class MessagesController {
  constructor(private readonly publisher: PublishMessageService) {}

  @Post()
  @HttpCode(200)
  @RequireGroups(GROUPS.service, GROUPS.processOwner, GROUPS.admin)
  @ApiOperation({
    summary:
      'Publish a message: 200 { instanceIds } correlated or started; 404 when nobody waits (not buffered)',
  })
  publish(@Body() body: PublishMessageRequest, @CurrentPrincipal() principal: Principal) {
    return this.publisher.publish(body, principal);
  }
}
