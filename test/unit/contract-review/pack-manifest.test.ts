/**
 * The pack's manifest is its one home: its diagrams, forms, entities and migrations are the
 * files in the pack's folders, and the in-process task types are exactly the handler map's
 * keys, which cover every service task the pack's diagrams use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contractReviewPack } from '../../../api/contract-review/contract-review.pack';
import { handlerTypes } from '../../../config/process-pack';
import { IN_PROCESS_TASK_TYPES, PROCESS_PACKS } from '../../../config/process-packs';
import { analyseBpmn, serviceTaskTypes } from '../../../model/deploy-model';

const HOME = join(__dirname, '..', '..', '..', 'diagrams', 'contract-review');

describe('contract review pack manifest', () => {
  it('is registered once', () => {
    expect(PROCESS_PACKS.filter((p) => p.id === 'contract-review')).toEqual([contractReviewPack]);
  });

  it('lists every diagram and form of diagrams/contract-review', () => {
    const inHome = (ext: string) =>
      readdirSync(HOME)
        .filter((f) => f.endsWith(ext))
        .sort();
    expect(contractReviewPack.diagrams.map((f) => basename(f))).toEqual(inHome('.bpmn'));
    expect(contractReviewPack.forms.map((f) => basename(f))).toEqual(inHome('.form'));
    expect(contractReviewPack.diagrams.length).toBeGreaterThan(0);
    expect(contractReviewPack.forms.length).toBeGreaterThan(0);
  });

  it('derives the in-process task types from the handler map', async () => {
    const types = handlerTypes(contractReviewPack.activities);
    expect(types.length).toBeGreaterThan(10);
    for (const type of types) expect(IN_PROCESS_TASK_TYPES.has(type)).toBe(true);
    const used = new Set<string>();
    for (const file of contractReviewPack.diagrams) {
      const analysis = await analyseBpmn(readFileSync(file, 'utf8'));
      for (const graph of analysis.graphs)
        for (const { taskType } of serviceTaskTypes(graph)) used.add(taskType);
    }
    const unserved = [...used].filter((type) => !IN_PROCESS_TASK_TYPES.has(type));
    expect(unserved).toEqual([]);
  });

  it('refuses a handler factory that touches its dependencies before a job runs', () => {
    const eager = ({ dataSource }: { dataSource: { getRepository(x: string): unknown } }) => {
      dataSource.getRepository('x');
      return { 'x-type': async () => undefined };
    };
    expect(() => handlerTypes(eager as never)).toThrow(/before any job ran/);
  });

  it('brings its entities, migrations, Nest module, seed and web pages', () => {
    expect(contractReviewPack.entities.length).toBeGreaterThan(10);
    expect(contractReviewPack.migrations.length).toBeGreaterThan(0);
    expect(contractReviewPack.apiModule.name).toBe('ContractReviewModule');
    expect(typeof contractReviewPack.seed).toBe('function');
    expect(contractReviewPack.webPages).toEqual(expect.arrayContaining(['/meetings', '/kpi']));
  });
});
