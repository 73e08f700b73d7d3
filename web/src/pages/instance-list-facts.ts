/**
 * The "now" column of the instance list: the current step comes with the list (active
 * elements, named from the diagram: one read per process version shown). Customer, due date
 * and risk live in the instance's variables, tasks and incidents: only active instances
 * need their snapshot for those, read a few at a time.
 */
import { definitions, instances } from '../api/endpoints';
import type { InstanceDetail, InstanceSummary } from '../api/types';
import { t } from '../i18n';
import { h, replace } from '../ui/dom';
import { date, isOverdue } from '../ui/format';
import { instanceFacts } from './instance-facts';

/** Instance detail reads (answered from the store) in flight at once. */
const SNAPSHOT_READS = 4;

/** One cell per instance, empty ("…" while an active one's snapshot is awaited). */
export function factCells(items: InstanceSummary[]): Map<string, HTMLElement> {
  return new Map(
    items.map(
      (i) =>
        [
          i.instanceId,
          h(
            'span',
            { class: 'facts' },
            i.activeElements === undefined && i.state === 'ACTIVE' ? h('span', { class: 'hint' }, '…') : null,
          ),
        ] as const,
    ),
  );
}

/** Fills the cells: the listed step first, then the active instances' snapshots. */
export async function fillFacts(items: InstanceSummary[], cells: Map<string, HTMLElement>): Promise<void> {
  await Promise.all(
    items.map(async (i) => {
      if (!i.activeElements?.length || !i.processId || !i.version) return;
      const names = await elementNames(i.processId, i.version);
      const step = h(
        'span',
        { class: 'step' },
        [...new Set(i.activeElements)].map((id) => names.get(id) ?? id).join(', '),
      );
      cells.get(i.instanceId)!.prepend(step);
    }),
  );
  const active = items.filter((i) => i.state === 'ACTIVE');
  await eachLimited(active, SNAPSHOT_READS, async (i) => {
    const cell = cells.get(i.instanceId)!;
    try {
      const detail = await instances.get(i.instanceId);
      const listed = cell.querySelector('.step');
      // The open tasks' names say the step best; otherwise keep the list's active elements.
      const keepListed = listed && !detail.openTasks.length;
      replace(cell, keepListed ? listed : null, describeFacts(detail, !keepListed));
    } catch {
      cell.querySelector('.hint')?.remove();
    }
  });
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
    }),
  );
}

/** Element id → name of a deployed version, read once per page load. */
const namesCache = new Map<string, Promise<Map<string, string>>>();
function elementNames(processId: string, version: number): Promise<Map<string, string>> {
  const key = `${processId}@${version}`;
  let names = namesCache.get(key);
  if (!names) {
    names = definitions.version(processId, version).then(
      (d) => {
        const doc = new DOMParser().parseFromString(d.xml, 'application/xml');
        const map = new Map<string, string>();
        for (const el of Array.from(doc.getElementsByTagName('*'))) {
          const id = el.getAttribute('id');
          const name = el.getAttribute('name');
          if (id && name) map.set(id, name);
        }
        return map;
      },
      () => new Map<string, string>(),
    );
    namesCache.set(key, names);
  }
  return names;
}

function describeFacts(detail: InstanceDetail, withStep: boolean): HTMLElement[] {
  const f = instanceFacts(detail);
  return [
    f.currentStep && withStep ? h('span', { class: 'step' }, f.currentStep) : null,
    f.customer ? h('span', { class: 'hint' }, ` · ${f.customer}`) : null,
    f.dueDate
      ? h(
          'span',
          { class: isOverdue(f.dueDate) ? 'overdue' : 'hint' },
          t('instances.due', { when: date(f.dueDate) }),
        )
      : null,
    f.atRisk ? h('span', { class: 'badge badge-risk', title: f.atRisk }, t('instances.atRisk')) : null,
  ].filter((x): x is HTMLElement => x !== null);
}
