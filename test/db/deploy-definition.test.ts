/**
 * Storing deployments on both databases: versions per processId, identical XML reusing the
 * version, concurrent deployments each getting their own version, and invalid XML storing
 * nothing. (Timer-start schedules are Temporal's part, covered by the e2e tests.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DeployDefinitionService } from '../../api/process-definitions/deploy-definition.service';
import type { TimerStartSchedules } from '../../api/process-definitions/timer-start-schedules.service';
import { IN_PROCESS_TASK_TYPES } from '../../config/process-packs';
import { openDatabase } from '../../persistence/data-source';
import { ProcessDefinitionEntity } from '../../persistence/entities';
import { testDatabases } from '../support/databases';

const xml = readFileSync(join(__dirname, '..', 'fixtures', 'e2e', 'Approval.user-task.bpmn'), 'utf8');
const variant = (n: number) => xml.replace('name="Approve request"', `name="Approve request ${n}"`);
const noSchedules = { sync: async () => [] } as unknown as TimerStartSchedules;

describe.each(testDatabases())('deploying definitions on %s', (_name, database) => {
  let db: DataSource;
  let deployer: DeployDefinitionService;

  beforeAll(async () => {
    db = await openDatabase(database);
    await db.getRepository(ProcessDefinitionEntity).clear();
    deployer = new DeployDefinitionService(db, noSchedules, IN_PROCESS_TASK_TYPES);
  });
  afterAll(async () => {
    await db.getRepository(ProcessDefinitionEntity).clear();
    await db.destroy();
  });

  it('gives concurrent deployments of one process distinct consecutive versions', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => deployer.deploy(variant(n), 'owner')));
    expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
    const rows = await db
      .getRepository(ProcessDefinitionEntity)
      .find({ where: { processId: 'approval' }, order: { version: 'ASC' } });
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });

  it('returns the latest version for identical XML and stores nothing new', async () => {
    const latest = await db
      .getRepository(ProcessDefinitionEntity)
      .findOneOrFail({ where: { processId: 'approval' }, order: { version: 'DESC' } });
    const again = await deployer.deploy(latest.xml, 'owner');
    expect(again).toMatchObject({ created: false, version: 4 });
    expect(await db.getRepository(ProcessDefinitionEntity).countBy({ processId: 'approval' })).toBe(4);
  });

  it('stores nothing for invalid XML', async () => {
    await expect(
      deployer.deploy(
        xml
          .replace('bpmn:userTask', 'bpmn:complexGateway')
          .replace('</bpmn:userTask>', '</bpmn:complexGateway>'),
        'owner',
      ),
    ).rejects.toMatchObject({
      code: 'DEFINITION.INVALID',
    });
    expect(await db.getRepository(ProcessDefinitionEntity).countBy({ processId: 'approval' })).toBe(4);
  });
});
