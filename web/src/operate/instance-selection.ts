/**
 * Multi-select on the instance list: a checkbox per row of the rendered table and a bar of
 * batch actions (cancel, retry incidents, migrate) for the selected instances.
 */
import { messageOf } from '../api/client';
import type { InstanceSummary } from '../api/types';
import { h, replace, toast } from '../ui/dom';
import { openMigrationDialog } from './migration-dialog';
import { ot } from './messages';
import { batches } from './operate-api';
import { mayOperate } from './token-editor';

export function attachBatchSelection(
  host: HTMLElement,
  items: InstanceSummary[],
  navigate: (path: string) => void,
): void {
  const tableEl = host.querySelector('table');
  if (!tableEl || !mayOperate()) return;
  const selected = new Set<string>();
  const bar = h('div', { class: 'toolbar batch-bar', 'aria-live': 'polite' });
  const boxes: HTMLInputElement[] = [];
  const all = h('input', { type: 'checkbox', 'aria-label': ot('selectAll') });
  tableEl.querySelector('thead tr')?.prepend(h('th', {}, all));
  tableEl.querySelectorAll('tbody tr').forEach((row, i) => {
    const item = items[i];
    if (!item) return;
    const box = h('input', {
      type: 'checkbox',
      'aria-label': item.instanceId,
      'data-instance-id': item.instanceId,
    });
    box.addEventListener('change', () => {
      if (box.checked) selected.add(item.instanceId);
      else selected.delete(item.instanceId);
      renderBar();
    });
    boxes.push(box);
    row.prepend(h('td', {}, box));
  });
  all.addEventListener('change', () => {
    for (const box of boxes) {
      box.checked = all.checked;
      if (all.checked) selected.add(box.dataset.instanceId!);
      else selected.delete(box.dataset.instanceId!);
    }
    renderBar();
  });

  const run = (operation: 'cancel' | 'retry') => async () => {
    if (!confirm(ot('confirmBatch', { operation, count: selected.size }))) return;
    try {
      const { batchId } = await batches.create({ operation, instanceIds: [...selected] });
      toast(ot('batchStarted'), 'success');
      navigate(`/batches/${encodeURIComponent(batchId)}`);
    } catch (error) {
      toast(messageOf(error), 'error');
    }
  };
  const migrate = () => {
    const chosen = items.filter((i) => selected.has(i.instanceId));
    const first = chosen[0];
    if (!first?.processId || !first.version) return;
    const same = chosen.filter((i) => i.processId === first.processId && i.version === first.version);
    void openMigrationDialog(
      { processId: first.processId, version: first.version, instanceIds: same.map((i) => i.instanceId) },
      () => undefined,
    ).catch((error: unknown) => toast(messageOf(error), 'error'));
  };

  function renderBar(): void {
    const none = selected.size === 0;
    replace(
      bar,
      h('span', {}, ot('selectedCount', { count: selected.size })),
      h(
        'button',
        { type: 'button', class: 'btn', disabled: none, onclick: run('cancel') },
        ot('batchCancel'),
      ),
      h('button', { type: 'button', class: 'btn', disabled: none, onclick: run('retry') }, ot('batchRetry')),
      h('button', { type: 'button', class: 'btn', disabled: none, onclick: migrate }, ot('batchMigrate')),
    );
  }
  renderBar();
  tableEl.before(bar);
}
