import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import type { Principal } from './principal';

const DEV_ISSUER = 'bpmn-temporal-dev';

/**
 * Issues development tokens (embedded default only) and verifies bearer tokens: with the
 * development key, or against the configured identity provider's JWKS in production.
 */
@Injectable()
export class TokenService {
  private readonly devKey?: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.auth.devIssuer) this.devKey = loadOrCreateDevKey(config.dataDir);
    if (config.auth.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.auth.jwksUrl));
  }

  get devIssuerEnabled(): boolean {
    return this.devKey !== undefined;
  }

  async issue(principal: Principal, ttlSeconds = 12 * 3600): Promise<string> {
    if (!this.devKey) throw new Error('development issuer is disabled');
    return new SignJWT({ groups: principal.groups })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.user)
      .setIssuer(DEV_ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.devKey);
  }

  /** The principal of a valid token; throws on anything else. */
  async verify(token: string): Promise<Principal> {
    const payload = await this.verifyPayload(token);
    if (!payload.sub) throw new Error('token has no subject');
    const groups = payload.groups;
    return { user: payload.sub, groups: Array.isArray(groups) ? groups.map(String) : [] };
  }

  private async verifyPayload(token: string): Promise<JWTPayload> {
    if (this.devKey) {
      try {
        return (await jwtVerify(token, this.devKey, { issuer: DEV_ISSUER })).payload;
      } catch (error) {
        if (!this.jwks) throw error;
      }
    }
    if (!this.jwks) throw new Error('no token verifier configured');
    const { issuer, audience } = this.config.auth;
    return (await jwtVerify(token, this.jwks, { issuer, audience })).payload;
  }
}

/** The development signing key lives in DATA_DIR so tokens survive a restart. */
function loadOrCreateDevKey(dataDir: string): Uint8Array {
  const file = join(dataDir, 'dev-token.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
