/**
 * The migration dialog: source and target diagrams side by side, the mapping as a table of
 * choices and drawn on both diagrams (each pair carries the same numbered badge), a plan
 * check naming every element that is unmapped or incompatible, then the migration of one
 * instance or of many (as a batch operation).
 */
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { createViewer } from '../../modeler/create-viewer';
import { messageOf } from '../api/client';
import { definitions } from '../api/endpoints';
import { errorBox, h, replace, toast } from '../ui/dom';
import { ot } from './messages';
import { batches, operations, type MigrationMapping } from './operate-api';

/** Element types an instance can rest in (engine/operations/migrate.ts). */
const RESTING = new Set([
  'bpmn:UserTask',
  'bpmn:ReceiveTask',
  'bpmn:IntermediateCatchEvent',
  'bpmn:CallActivity',
  'bpmn:SubProcess',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
]);

interface Shape {
  id: string;
  type: string;
  businessObject: { name?: string };
}

function restingElements(viewer: NavigatedViewer): Shape[] {
  return viewer
    .get<{ getAll(): Shape[] }>('elementRegistry')
    .getAll()
    .filter((e) => RESTING.has(e.type));
}

function drawMapping(viewer: NavigatedViewer, ids: string[]): void {
  const overlays = viewer.get<{
    remove(filter: { type: string }): void;
    add(id: string, type: string, o: { position: object; html: HTMLElement }): void;
  }>('overlays');
  overlays.remove({ type: 'migration-mapping' });
  ids.forEach((id, i) => {
    if (!id) return;
    try {
      overlays.add(id, 'migration-mapping', {
        position: { top: -12, left: -12 },
        html: h('span', { class: 'mapping-badge', title: ot('mapping') }, String(i + 1)),
      });
    } catch {
      /* not on this diagram */
    }
  });
}

export interface MigrationSubject {
  processId: string;
  version: number;
  /** One instance, or several (a batch). */
  instanceIds: string[];
}

export async function openMigrationDialog(subject: MigrationSubject, done: () => void): Promise<void> {
  const all = await definitions.list();
  const versions = (all.find((d) => d.processId === subject.processId)?.versions ?? [])
    .map((v) => v.version)
    .filter((v) => v !== subject.version);
  const dialog = h('dialog', { class: 'migration-dialog', 'aria-label': ot('migrate') });
  const sourceCanvas = h('div', { class: 'viewer-canvas migration-canvas' });
  const targetCanvas = h('div', { class: 'viewer-canvas migration-canvas' });
  const targetSelect = h(
    'select',
    { 'aria-label': ot('targetVersion') },
    versions.map((v) => h('option', { value: v }, `v${v}`)),
  );
  const mappingTable = h('div', { class: 'mapping-table' });
  const report = h('div', { role: 'status', 'aria-live': 'polite' });
  const title =
    subject.instanceIds.length === 1
      ? ot('migrationTitle', { instanceId: subject.instanceIds[0] })
      : ot('migrationBatchTitle', { count: subject.instanceIds.length });
  const migrateButton = h('button', { type: 'button', class: 'btn btn-primary' }, ot('startMigration'));
  dialog.append(
    h('h2', {}, title),
    h('label', {}, ot('targetVersion'), ' ', targetSelect),
    h(
      'div',
      { class: 'columns' },
      h('div', {}, h('h3', {}, ot('source', { version: subject.version })), sourceCanvas),
      h('div', {}, h('h3', { class: 'target-heading' }), targetCanvas),
    ),
    h('h3', {}, ot('mapping')),
    mappingTable,
    report,
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'btn', onclick: () => void check() }, ot('validate')),
      migrateButton,
      h(
        'button',
        { type: 'button', class: 'btn', onclick: () => (dialog.close(), dialog.remove()) },
        ot('close'),
      ),
    ),
  );
  document.body.append(dialog);
  dialog.showModal();

  const source = await createViewer(
    sourceCanvas,
    (await definitions.version(subject.processId, subject.version)).xml,
  );
  let target: NavigatedViewer | undefined;
  let selects: { sourceId: string; select: HTMLSelectElement }[] = [];

  const mappings = (): MigrationMapping[] =>
    selects
      .filter((s) => s.select.value)
      .map((s) => ({ sourceElementId: s.sourceId, targetElementId: s.select.value }));
  const redraw = () => {
    drawMapping(
      source,
      selects.map((s) => (s.select.value ? s.sourceId : '')),
    );
    if (target)
      drawMapping(
        target,
        selects.map((s) => s.select.value),
      );
  };

  async function loadTarget(): Promise<void> {
    const version = Number(targetSelect.value);
    if (!version) return;
    dialog.querySelector('.target-heading')!.textContent = ot('target', { version });
    target?.destroy();
    targetCanvas.replaceChildren();
    target = await createViewer(targetCanvas, (await definitions.version(subject.processId, version)).xml);
    const targets = restingElements(target);
    const plan = await operations
      .validatePlan(subject.processId, subject.version, { targetVersion: version, mappings: [] })
      .catch(() => undefined);
    selects = restingElements(source).map((s) => {
      const suggested = plan?.mappings.find((m) => m.sourceElementId === s.id)?.targetElementId ?? '';
      const select = h(
        'select',
        { 'aria-label': `${ot('mapping')} ${s.id}`, 'data-source': s.id, onchange: redraw },
        h('option', { value: '' }, ot('noMapping')),
        targets.map((t) =>
          h(
            'option',
            { value: t.id, selected: t.id === suggested },
            `${t.businessObject.name ?? t.id} (${t.id})`,
          ),
        ),
      );
      return { sourceId: s.id, select };
    });
    replace(
      mappingTable,
      h(
        'table',
        { class: 'data-table' },
        h(
          'tbody',
          {},
          selects.map((s, i) =>
            h(
              'tr',
              {},
              h('td', {}, String(i + 1)),
              h('td', {}, s.sourceId),
              h('td', {}, '→'),
              h('td', {}, s.select),
            ),
          ),
        ),
      ),
    );
    redraw();
  }

  async function check(): Promise<boolean> {
    try {
      const result = await operations.validatePlan(subject.processId, subject.version, {
        targetVersion: Number(targetSelect.value),
        mappings: mappings(),
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

  migrateButton.addEventListener('click', () => {
    void (async () => {
      const targetVersion = Number(targetSelect.value);
      try {
        if (subject.instanceIds.length === 1) {
          await operations.migrate(subject.instanceIds[0], targetVersion, mappings());
          toast(ot('migrated', { version: targetVersion }), 'success');
        } else {
          const { batchId } = await batches.create({
            operation: 'migrate',
            instanceIds: subject.instanceIds,
            migration: { targetVersion, mappings: mappings() },
          });
          toast(ot('batchStarted'), 'success');
          history.pushState({}, '', `/batches/${encodeURIComponent(batchId)}`);
          dispatchEvent(new PopStateEvent('popstate'));
        }
        dialog.close();
        dialog.remove();
        done();
      } catch (error) {
        replace(report, errorBox(messageOf(error)));
      }
    })();
  });
  targetSelect.addEventListener('change', () => void loadTarget());
  await loadTarget();
}
