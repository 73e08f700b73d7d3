/**
 * Decisions over HTTP against a real Temporal dev server: deploy DMN (XML or { xml }),
 * versions, lint errors by element id, try a decision, and a business rule task evaluated
 * by an instance with its evaluation record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';

const fixture = (path: string) => readFileSync(join(__dirname, '..', 'fixtures', path), 'utf8');

describe('decision definitions over HTTP', () => {
  let api: ApiHarness;
  let owner: string;
  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.token('wang.fang', ['process-owner']);
  });
  afterAll(() => api?.close());

  it('deploys a DRG as XML: 201 with every decision, 200 for identical XML; only process owners deploy', async () => {
    const xml = fixture('dmn/Dmn.drg.dmn');
    const sales = await api.token('li.lei', ['sales']);
    expect((await api.call('POST', '/decision-definitions', { token: sales, body: { xml } })).status).toBe(
      403,
    );

    const first = await api.call('POST', '/decision-definitions', {
      token: owner,
      body: xml,
      contentType: 'application/xml',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      decisionId: 'customerTier',
      version: 1,
      decisions: [
        { decisionId: 'customerTier', version: 1 },
        { decisionId: 'discount', version: 1, versionTag: 'v1' },
      ],
      warnings: [],
    });
    const again = await api.call('POST', '/decision-definitions', { token: owner, body: { xml } });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
  });

  it('answers 400 with { elementId, rule, message } for a broken table and a reused version tag', async () => {
    const broken = fixture('dmn/Risk.fixed.dmn').replace('[101..1000]', '[101..');
    const bad = await api.call('POST', '/decision-definitions', { token: owner, body: { xml: broken } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      statusCode: 400,
      code: 'DECISION.INVALID',
      details: { errors: [{ elementId: 'risk_r1', rule: 'dmn-feel-syntax', message: expect.any(String) }] },
    });
    const reused = await api.call('POST', '/decision-definitions', {
      token: owner,
      body: { xml: fixture('dmn/Discount.v1.dmn') },
    });
    expect(reused.status).toBe(400);
    expect(reused.body.details.errors).toEqual([
      expect.objectContaining({ elementId: 'discount', rule: 'version-tag' }),
    ]);
    const empty = await api.call('POST', '/decision-definitions', { token: owner, body: { xml: ' ' } });
    expect(empty.body).toMatchObject({ statusCode: 400, code: 'DECISION.NO_XML' });
  });

  it('lists decisions and serves each version with its XML; 404 for an unknown one', async () => {
    const user = await api.token('li.lei', ['sales']);
    const list = await api.call('GET', '/decision-definitions', { token: user });
    expect(list.body.map((d: { decisionId: string }) => d.decisionId)).toEqual(
      expect.arrayContaining(['customerTier', 'discount']),
    );
    const one = await api.call('GET', '/decision-definitions/discount/versions/1', { token: user });
    expect(one.body).toMatchObject({
      decisionId: 'discount',
      version: 1,
      versionTag: 'v1',
      decisionRequirementsId: 'drg',
    });
    expect(one.body.xml).toContain('<literalExpression');
    const missing = await api.call('GET', '/decision-definitions/nowhere', { token: user });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('DECISION.NOT_FOUND');
  });

  it('evaluates a decision with its required decisions and shows the matched rules; 422 when it fails', async () => {
    const tried = await api.call('POST', '/decision-definitions/discount/evaluate', {
      token: owner,
      body: { variables: { orders: 150 } },
    });
    expect(tried.status).toBe(200);
    expect(tried.body).toMatchObject({
      decisionId: 'discount',
      version: 1,
      result: 0.2,
      evaluatedDecisions: [
        {
          decisionId: 'customerTier',
          result: 'gold',
          matchedRules: [{ ruleId: 'tier_gold', ruleIndex: 1, outputs: { tier: 'gold' } }],
        },
        { decisionId: 'discount', result: 0.2 },
      ],
    });
    await api.call('POST', '/decision-definitions', {
      token: owner,
      body: { xml: fixture('dmn/Risk.overlapping.dmn') },
    });
    const failed = await api.call('POST', '/decision-definitions/risk/evaluate', {
      token: owner,
      body: { variables: { amount: 5000 } },
    });
    expect(failed.status).toBe(422);
    expect(failed.body).toMatchObject({
      code: 'DECISION.EVALUATION_FAILED',
      message: expect.stringMatching(/UNIQUE/),
    });
    const invalid = await api.call('POST', '/decision-definitions/risk/evaluate', {
      token: owner,
      body: { variables: 'x' },
    });
    expect(invalid.status).toBe(400);
  });

  it('runs a business rule task in an instance and records the decision version it used', async () => {
    await api.call('POST', '/decision-definitions', {
      token: owner,
      body: { xml: fixture('dmn/Risk.fixed.dmn') },
    });
    const deployed = await api.call('POST', '/process-definitions', {
      token: owner,
      body: { xml: fixture('engine/BusinessRuleTask.incident.bpmn') },
    });
    expect(deployed.status).toBe(201);
    // The decision job is served in-process: no warning about a missing external worker.
    expect(deployed.body.warnings.filter((w: { rule: string }) => w.rule === 'external-job-type')).toEqual(
      [],
    );
    const started = await api.call('POST', '/process-instances', {
      token: owner,
      body: { processId: 'decision-risk', businessKey: 'e2e-1', variables: { amount: 500 } },
    });
    expect(started.status).toBe(201);
    const id = encodeURIComponent(started.body.instanceId);
    const instance = await eventually(
      async () => (await api.call('GET', `/process-instances/${id}`, { token: owner })).body,
      (body) => body.state === 'COMPLETED',
    );
    expect(instance.variables).toMatchObject({ riskLevel: 'medium' });
    const evaluations = await api.call('GET', `/decision-evaluations?instanceId=${id}`, { token: owner });
    expect(evaluations.body).toEqual([
      expect.objectContaining({
        elementId: 'Assess',
        decisionId: 'risk',
        decisionVersion: 2,
        result: { level: 'medium', reviewers: 1 },
      }),
    ]);
  });
});
