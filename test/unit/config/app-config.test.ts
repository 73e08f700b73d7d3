import { ConfigError, loadConfig } from '../../../config/app-config';

describe('configuration', () => {
  it('runs embedded with nothing set: SQLite under DATA_DIR, dev token issuer, local Temporal', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: expect.stringMatching(/data\/app\.sqlite$/) });
    expect(config.temporal.address).toBeUndefined();
    expect(config.temporal.embedded).toEqual({ port: 7233, uiPort: 8233, retentionDays: 7 });
    expect(config.history).toEqual({ retentionDays: 400, flushMs: 50, reconcileLookbackHours: 24 });
    expect(config.auth.devIssuer).toBe(true);
    expect(config.plantTimeZone).toBe('Asia/Shanghai');
  });

  it('switches the embedded parts off in production and then requires a JWKS URL', () => {
    const env = { TEMPORAL_ADDRESS: 'temporal.internal:7233', DATABASE_URL: 'postgres://u:p@db/app' };
    expect(() => loadConfig(env)).toThrow(/AUTH_JWKS_URL: is required outside the embedded default/);
    const config = loadConfig({
      ...env,
      AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      TEMPORAL_API_KEY: 'k',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db/app' });
    expect(config.temporal).toMatchObject({
      address: 'temporal.internal:7233',
      embedded: undefined,
      tls: true,
      apiKey: 'k',
    });
    expect(config.auth.devIssuer).toBe(false);
  });

  it('lists every invalid setting with a clear message', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        PLANT_TIME_ZONE: 'Mars/Olympus',
        DATABASE_URL: 'mysql://x',
        TEMPORAL_TLS_CERT_PATH: '/c.pem',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/PLANT_TIME_ZONE: must be an IANA time zone/);
      expect(problems).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    }
  });
});
