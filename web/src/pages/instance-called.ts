/**
 * An instance's timeline together with the instances its call activities started. A called
 * process runs as a child workflow with the id `<parentId>/<callActivityId>/<n>` and the
 * parent's business key, so one listing by business key finds every descendant; their
 * timelines are read only when the instance has a call activity at all.
 */
import { instances } from '../api/endpoints';
import type { InstanceSummary, TimelineEntry } from '../api/types';
import type { TimelineSource } from '../ui/instance-timeline';

/** Listing pages read at most (100 instances each). */
const MAX_PAGES = 5;

export async function timelineWithCalled(
  instanceId: string,
  businessKey: string | undefined,
): Promise<TimelineSource> {
  const entries = await instances.timeline(instanceId);
  const root: TimelineSource = { instanceId, entries, children: [] };
  if (!businessKey || !entries.some((e) => e.elementType === 'callActivity')) return root;
  const descendants = await listDescendants(instanceId, businessKey);
  const sources = new Map<string, TimelineSource>([[instanceId, root]]);
  // Parents before children: ids only grow by `/<elementId>/<n>` per level.
  for (const summary of descendants.sort(
    (a, b) => a.instanceId.length - b.instanceId.length || a.startedAt.localeCompare(b.startedAt),
  )) {
    const { parentId, calledBy, run } = splitChildId(summary.instanceId);
    const parent = sources.get(parentId);
    if (!parent) continue;
    const child: TimelineSource = {
      instanceId: summary.instanceId,
      label: `${summary.processId ?? 'called process'} #${run} (${summary.state.toLowerCase()})`,
      calledBy,
      entries: [],
      children: [],
    };
    sources.set(summary.instanceId, child);
    parent.children.push(child);
  }
  await Promise.all(
    [...sources.values()]
      .filter((s) => s !== root)
      .map(async (s) => {
        s.entries = await instances.timeline(s.instanceId).catch((): TimelineEntry[] => []);
      }),
  );
  return root;
}

async function listDescendants(instanceId: string, businessKey: string): Promise<InstanceSummary[]> {
  const found: InstanceSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await instances.list({ businessKey, limit: 100, cursor });
    found.push(...page.items.filter((i) => i.instanceId.startsWith(`${instanceId}/`)));
    cursor = page.nextCursor;
  } while (cursor && ++pages < MAX_PAGES);
  return found;
}

/** `contract-review/C-1/Call_LateOrder/57` → parent `contract-review/C-1`, called by `Call_LateOrder`, run 57. */
export function splitChildId(childId: string): { parentId: string; calledBy: string; run: string } {
  const parts = childId.split('/');
  const run = parts.pop() ?? '';
  const calledBy = parts.pop() ?? '';
  return { parentId: parts.join('/'), calledBy, run };
}
