import { migrateInstance } from '../../../engine/operations/migrate';
import { deriveRecords } from '../../../history/derive-records';
import { ExportDriver } from '../../support/export-driver';
import { graph } from '../engine/support/graph-builder';

const v1 = graph('mig-export')
  .start()
  .user('review', undefined, { candidateGroups: 'sales' })
  .end()
  .flow('start', 'review', 'end')
  .build();
const v2 = graph('mig-export')
  .start()
  .user('check', undefined, { candidateGroups: 'sales' })
  .end()
  .flow('start', 'check', 'end')
  .build();

/** What the exporter emits for an operator's migration (the workflow exports after re-pinning). */
describe('export of a migration', () => {
  it('moves the live element instance onto the target element (same key)', () => {
    const d = new ExportDriver(v1, 'm-1', Date.UTC(2026, 0, 1));
    d.start();
    const prev = d.state!;
    const keyOfReview = Object.values(prev.instances).find((i) => i.elementId === 'review')!.key;
    const result = migrateInstance(v1, v2, prev, [{ sourceElementId: 'review', targetElementId: 'check' }], {
      now: d.now + 1000,
      timeZone: 'UTC',
    });
    const records = deriveRecords(v2, prev, result.state, result.commands, 100);
    expect(records.filter((r) => r.kind === 'element-moved')).toEqual([
      expect.objectContaining({
        elementInstanceKey: keyOfReview,
        elementId: 'check',
        elementType: 'userTask',
      }),
    ]);
    // The operation works on a copy of the state: only the migration's own entry is new.
    expect(
      records.flatMap((r) => (r.kind === 'timeline' ? [`${r.entry.elementId}:${r.entry.event}`] : [])),
    ).toEqual(['mig-export:migrated']);
  });
});
