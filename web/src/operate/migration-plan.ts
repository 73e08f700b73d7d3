/** The migration dialog's two requests: check the plan (every unmapped or incompatible element named), then migrate one instance or start a batch. */
import { messageOf } from '../api/client';
import { errorBox, h, replace, toast } from '../ui/dom';
import { ot } from './messages';
import { batches, operations, type MigrationMapping } from './operate-api';

export interface MigrationSubject {
  processId: string;
  version: number;
  /** One instance, or several (a batch). */
  instanceIds: string[];
}

/** Shows the plan check in `report`; true when the plan is valid. */
export async function checkPlan(
  subject: MigrationSubject,
  targetVersion: number,
  mappings: MigrationMapping[],
  report: HTMLElement,
): Promise<boolean> {
  try {
    const result = await operations.validatePlan(subject.processId, subject.version, {
      targetVersion,
      mappings,
      instanceIds: subject.instanceIds.slice(0, 50),
    });
    replace(
      report,
      result.valid
        ? h('p', { class: 'success' }, ot('planValid'))
        : h(
            'ul',
            { class: 'error-box' },
            result.problems.map((p) => h('li', {}, p.message)),
          ),
    );
    return result.valid;
  } catch (error) {
    replace(report, errorBox(messageOf(error)));
    return false;
  }
}

/** Migrates the one instance, or starts a batch and opens its progress page; false (reason in `report`) when refused. */
export async function migrate(
  subject: MigrationSubject,
  targetVersion: number,
  mappings: MigrationMapping[],
  report: HTMLElement,
): Promise<boolean> {
  try {
    if (subject.instanceIds.length === 1) {
      await operations.migrate(subject.instanceIds[0], targetVersion, mappings);
      toast(ot('migrated', { version: targetVersion }), 'success');
    } else {
      const { batchId } = await batches.create({
        operation: 'migrate',
        instanceIds: subject.instanceIds,
        migration: { targetVersion, mappings },
      });
      toast(ot('batchStarted'), 'success');
      history.pushState({}, '', `/batches/${encodeURIComponent(batchId)}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }
    return true;
  } catch (error) {
    replace(report, errorBox(messageOf(error)));
    return false;
  }
}
