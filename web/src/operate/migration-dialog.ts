/**
 * The migration dialog: source and target diagrams side by side, the mapping as a table of
 * choices and drawn on both diagrams (migration-mapping.ts), a plan check naming every
 * element that is unmapped or incompatible, then the migration of one instance or of many
 * (as a batch operation; migration-plan.ts).
 */
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { createViewer } from '../../modeler/create-viewer';
import { definitions } from '../api/endpoints';
import { h, replace } from '../ui/dom';
import { ot } from './messages';
import {
  chosenMappings,
  drawMapping,
  mappingChoices,
  mappingTable,
  type MappingChoice,
} from './migration-mapping';
import { checkPlan, migrate, type MigrationSubject } from './migration-plan';
import { operations } from './operate-api';

export type { MigrationSubject } from './migration-plan';

function dialogFrame(subject: MigrationSubject, versions: number[]) {
  const el = {
    dialog: h('dialog', { class: 'migration-dialog', 'aria-label': ot('migrate') }),
    sourceCanvas: h('div', { class: 'viewer-canvas migration-canvas' }),
    targetCanvas: h('div', { class: 'viewer-canvas migration-canvas' }),
    targetHeading: h('h3', { class: 'target-heading' }),
    targetSelect: h(
      'select',
      { 'aria-label': ot('targetVersion') },
      versions.map((v) => h('option', { value: v }, `v${v}`)),
    ),
    mappingTable: h('div', { class: 'mapping-table' }),
    report: h('div', { role: 'status', 'aria-live': 'polite' }),
    validateButton: h('button', { type: 'button', class: 'btn' }, ot('validate')),
    migrateButton: h('button', { type: 'button', class: 'btn btn-primary' }, ot('startMigration')),
  };
  const close = () => (el.dialog.close(), el.dialog.remove());
  el.dialog.append(
    h(
      'h2',
      {},
      subject.instanceIds.length === 1
        ? ot('migrationTitle', { instanceId: subject.instanceIds[0] })
        : ot('migrationBatchTitle', { count: subject.instanceIds.length }),
    ),
    h('label', {}, ot('targetVersion'), ' ', el.targetSelect),
    h(
      'div',
      { class: 'columns' },
      h('div', {}, h('h3', {}, ot('source', { version: subject.version })), el.sourceCanvas),
      h('div', {}, el.targetHeading, el.targetCanvas),
    ),
    h('h3', {}, ot('mapping')),
    el.mappingTable,
    el.report,
    h(
      'div',
      { class: 'toolbar' },
      el.validateButton,
      el.migrateButton,
      h('button', { type: 'button', class: 'btn', onclick: close }, ot('close')),
    ),
  );
  return { ...el, close };
}

export async function openMigrationDialog(subject: MigrationSubject, done: () => void): Promise<void> {
  const all = await definitions.list();
  const versions = (all.find((d) => d.processId === subject.processId)?.versions ?? [])
    .map((v) => v.version)
    .filter((v) => v !== subject.version);
  const el = dialogFrame(subject, versions);
  document.body.append(el.dialog);
  el.dialog.showModal();

  const source = await createViewer(
    el.sourceCanvas,
    (await definitions.version(subject.processId, subject.version)).xml,
  );
  let target: NavigatedViewer | undefined;
  let choices: MappingChoice[] = [];
  const redraw = () => {
    drawMapping(
      source,
      choices.map((s) => (s.select.value ? s.sourceId : '')),
    );
    if (target)
      drawMapping(
        target,
        choices.map((s) => s.select.value),
      );
  };

  async function loadTarget(): Promise<void> {
    const version = Number(el.targetSelect.value);
    if (!version) return;
    el.targetHeading.textContent = ot('target', { version });
    target?.destroy();
    el.targetCanvas.replaceChildren();
    target = await createViewer(el.targetCanvas, (await definitions.version(subject.processId, version)).xml);
    const plan = await operations
      .validatePlan(subject.processId, subject.version, { targetVersion: version, mappings: [] })
      .catch(() => undefined);
    choices = mappingChoices(source, target, plan?.mappings ?? [], redraw);
    replace(el.mappingTable, mappingTable(choices));
    redraw();
  }

  el.validateButton.addEventListener(
    'click',
    () => void checkPlan(subject, Number(el.targetSelect.value), chosenMappings(choices), el.report),
  );
  el.migrateButton.addEventListener('click', () => {
    void migrate(subject, Number(el.targetSelect.value), chosenMappings(choices), el.report).then((ok) => {
      if (!ok) return;
      el.close();
      done();
    });
  });
  el.targetSelect.addEventListener('change', () => void loadTarget());
  await loadTarget();
}
