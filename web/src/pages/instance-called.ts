/**
 * An instance's timeline together with the instances its call activities started, from one
 * store read: the timeline endpoint merges the called instances' entries, each naming its
 * instance. A called process runs as a child workflow with the id
 * `<parentId>/<callActivityId>/<n>`, which places it under its parent.
 */
import { instances } from '../api/endpoints';
import type { TimelineItemView } from '../api/types';
import { t } from '../i18n';
import type { TimelineSource } from '../ui/instance-timeline';

export async function timelineWithCalled(instanceId: string, _businessKey?: string): Promise<TimelineSource> {
  return nestTimeline(instanceId, await instances.timeline(instanceId));
}

export function nestTimeline(instanceId: string, items: TimelineItemView[]): TimelineSource {
  const root: TimelineSource = { instanceId, entries: [], children: [] };
  const sources = new Map<string, TimelineSource>([[instanceId, root]]);
  const processOf = new Map<string, string>();
  for (const item of items) {
    if (!processOf.has(item.instanceId)) processOf.set(item.instanceId, item.processId);
  }
  // Parents before children: ids only grow by `/<elementId>/<n>` per level.
  for (const id of [...processOf.keys()]
    .filter((i) => i !== instanceId)
    .sort((a, b) => a.length - b.length)) {
    const { parentId, calledBy, run } = splitChildId(id);
    const parent = sources.get(parentId) ?? root;
    const child: TimelineSource = {
      instanceId: id,
      label: `${processOf.get(id) ?? t('timeline.calledProcess')} #${run}`,
      calledBy,
      entries: [],
      children: [],
    };
    sources.set(id, child);
    parent.children.push(child);
  }
  for (const { instanceId: owner, processId: _p, ...entry } of items) sources.get(owner)?.entries.push(entry);
  return root;
}

/** `contract-review/C-1/Call_LateOrder/57` → parent `contract-review/C-1`, called by `Call_LateOrder`, run 57. */
export function splitChildId(childId: string): { parentId: string; calledBy: string; run: string } {
  const parts = childId.split('/');
  const run = parts.pop() ?? '';
  const calledBy = parts.pop() ?? '';
  return { parentId: parts.join('/'), calledBy, run };
}
