import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../errors/domain-error';
import { DevTokenRequest } from './dev-token.request.dto';
import { Public } from './public.decorator';
import { TokenService } from './token.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly tokens: TokenService) {}

  @Post('token')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Development token issuer (embedded default only; 404 in production)' })
  async token(@Body() body: DevTokenRequest): Promise<{ token: string }> {
    if (!this.tokens.devIssuerEnabled)
      throw notFound('AUTH.DEV_ISSUER_DISABLED', 'The development token issuer is disabled');
    return { token: await this.tokens.issue({ user: body.user, groups: [...new Set(body.groups)] }) };
  }
}
