/**
 * Decision deployments on both databases: versions per decision id, identical XML reusing
 * the versions, concurrent deployments each getting their own version, a version tag used
 * once per decision, invalid XML storing nothing, and the evaluation record written once per job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { findDecision } from '../../activities/decisions/decision-store';
import { DeployDecisionService } from '../../api/decision-definitions/deploy-decision.service';
import { openDatabase } from '../../persistence/data-source';
import { DecisionDefinitionEntity, DecisionEvaluationEntity } from '../../persistence/entities';
import { testDatabases } from '../support/databases';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'dmn', name), 'utf8');
const risk = fixture('Risk.fixed.dmn');
const variant = (n: number) => risk.replace('name="Risk"', `name="Risk ${n}"`);

describe.each(testDatabases())('deploying decisions on %s', (_name, database) => {
  let db: DataSource;
  let deployer: DeployDecisionService;

  beforeAll(async () => {
    db = await openDatabase(database);
    await db.getRepository(DecisionDefinitionEntity).clear();
    await db.getRepository(DecisionEvaluationEntity).clear();
    deployer = new DeployDecisionService(db);
  });
  afterAll(async () => {
    await db.getRepository(DecisionDefinitionEntity).clear();
    await db.getRepository(DecisionEvaluationEntity).clear();
    await db.destroy();
  });

  it('gives concurrent deployments of one decision distinct consecutive versions', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => deployer.deploy(variant(n), 'owner')));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    const again = await deployer.deploy(variant(4), 'owner');
    expect(again).toMatchObject({ created: true, version: 4 });
  });

  it('returns the latest versions for identical XML and stores nothing new', async () => {
    const latest = await findDecision(db, 'risk', { binding: 'latest' });
    expect(await deployer.deploy(latest!.xml, 'owner')).toMatchObject({ created: false, version: 4 });
    expect(await db.getRepository(DecisionDefinitionEntity).countBy({ decisionId: 'risk' })).toBe(4);
  });

  it('stores every decision of a DRG with the whole graph, and finds them by version tag', async () => {
    const result = await deployer.deploy(fixture('Dmn.drg.dmn'), 'owner');
    expect(result.decisions).toEqual([
      { decisionId: 'customerTier', version: 1 },
      { decisionId: 'discount', version: 1, versionTag: 'v1' },
    ]);
    const tagged = await findDecision(db, 'discount', { binding: 'versionTag', versionTag: 'v1' });
    expect(Object.keys(tagged!.graph.decisions)).toEqual(['customerTier', 'discount']);
  });

  it('refuses a changed decision that reuses a deployed version tag, storing nothing', async () => {
    const changed = fixture('Dmn.drg.dmn').replace('then 0.2', 'then 0.3');
    await expect(deployer.deploy(changed, 'owner')).rejects.toMatchObject({
      code: 'DECISION.VERSION_TAG_TAKEN',
    });
    expect(await db.getRepository(DecisionDefinitionEntity).countBy({ decisionId: 'customerTier' })).toBe(1);
  });

  it('stores nothing for invalid XML', async () => {
    await expect(deployer.deploy(risk.replace('[101..1000]', '[101..'), 'owner')).rejects.toMatchObject({
      code: 'DECISION.INVALID',
    });
    expect(await db.getRepository(DecisionDefinitionEntity).countBy({ decisionId: 'risk' })).toBe(4);
  });

  it('keeps one evaluation record per job', async () => {
    const repo = db.getRepository(DecisionEvaluationEntity);
    const row = {
      jobKey: 'p/k-1/Assess/j1',
      instanceId: 'p/k-1',
      elementId: 'Assess',
      decisionId: 'risk',
      decisionVersion: 4,
      result: { level: 'high', reviewers: 2 },
      evaluatedDecisions: [{ decisionId: 'risk', matchedRules: [] }],
      evaluatedAt: new Date().toISOString(),
    };
    await repo.save(row);
    await repo.save({ ...row, decisionVersion: 4 });
    expect(await repo.find({ where: { instanceId: 'p/k-1' } })).toEqual([row]);
  });
});
