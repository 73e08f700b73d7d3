import { ApiHarness, startApiHarness } from '../support/api-harness';

describe('API baseline on a real Temporal dev server', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.close());

  it('reports database and Temporal healthy without a token', async () => {
    const { status, body } = await api.call('GET', '/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.details.database.status).toBe('up');
    expect(body.details.temporal.status).toBe('up');
  });

  it('serves the OpenAPI document', async () => {
    const { status, body } = await api.call('GET', '/docs/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/token', '/api/process-definitions']),
    );
  });

  it('answers 401 in the one error shape without a token, and 403 without the group', async () => {
    const anonymous = await api.call('GET', '/process-definitions');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.any(String),
    });

    const bad = await api.call('GET', '/process-definitions', { token: 'not-a-jwt' });
    expect(bad.status).toBe(401);

    const sales = await api.token('li.lei', ['sales']);
    const deploy = await api.call('POST', '/process-definitions', { token: sales, body: { xml: '<x/>' } });
    expect(deploy.status).toBe(403);
    expect(deploy.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringContaining('process-owner'),
    });
  });

  it('rejects invalid input with 400 in the same shape', async () => {
    const noUser = await api.call('POST', '/auth/token', { body: { groups: 'sales' } });
    expect(noUser.status).toBe(400);
    expect(noUser.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      details: { validation: expect.any(Array) },
    });

    const malformed = await api.call('POST', '/auth/token', {
      body: '{"user":',
      contentType: 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });

    const owner = await api.token('wang.fang', ['process-owner']);
    const huge = await api.call('POST', '/process-definitions', {
      token: owner,
      body: `<x>${'a'.repeat(5 * 1024 * 1024)}</x>`,
      contentType: 'application/xml',
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('lets a process owner read with a development token', async () => {
    const owner = await api.token('wang.fang', ['process-owner']);
    const { status, body } = await api.call('GET', '/process-definitions', { token: owner });
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
  });
});
