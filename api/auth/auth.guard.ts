import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { hasAnyGroup } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_GROUPS } from './require-groups.decorator';
import { TokenService } from './token.service';

/** Global guard: a valid bearer token on every non-public route (401), and the route's groups (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!token) throw new DomainError('unauthorized', 'AUTH.MISSING_TOKEN', 'A bearer token is required');
    try {
      request.principal = await this.tokens.verify(token);
    } catch (error) {
      throw new DomainError(
        'unauthorized',
        'AUTH.INVALID_TOKEN',
        `Invalid token: ${(error as Error).message}`,
      );
    }
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_GROUPS, targets);
    if (required?.length && !hasAnyGroup(request.principal, required)) {
      throw new DomainError(
        'forbidden',
        'AUTH.GROUP_REQUIRED',
        `Requires one of the groups: ${required.join(', ')}`,
      );
    }
    return true;
  }
}
