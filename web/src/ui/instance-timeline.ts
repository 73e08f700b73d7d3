/**
 * The instance's timeline (vis-timeline). One row per element that does work: each task,
 * sub-process and call activity activation is a bar from started (a user task: created) to
 * completed, still running ones reach up to now; timers fired, messages correlated,
 * escalations, errors and incidents are points on their element's row. The instance itself
 * is a bar on the first row. Called processes (child instances) are nested under the call
 * activity that started them, with their own rows, so a late order's daily reviews sit under
 * its contract. The committed dates and today are marked.
 */
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { Timeline } from 'vis-timeline/standalone';
import type { TimelineEntry } from '../api/types';
import { t } from '../i18n';
import { date, dateTime } from './format';
import { plantAxisOptions } from './timeline-axis';

/** One instance's timeline and the instances its call activities started. */
export interface TimelineSource {
  instanceId: string;
  /** Row label of a called instance ("late-order #12"); the root's rows need none. */
  label?: string;
  /** The parent's call activity that started this instance. */
  calledBy?: string;
  entries: TimelineEntry[];
  children: TimelineSource[];
}

export interface Marker {
  id: string;
  at: string;
  label: string;
}

/** The events drawn as points, with their catalogue key (`timeline.points.<key>`). */
const POINT_LABEL: Partial<Record<TimelineEntry['event'], PointKey>> = {
  'timer-fired': 'timer',
  'message-correlated': 'message',
  'signal-caught': 'signal',
  error: 'error',
  escalated: 'escalation',
  incident: 'incident',
};
type PointKey = 'timer' | 'message' | 'signal' | 'error' | 'escalation' | 'incident';

/** Element kinds drawn as bars (work that takes time); every other kind only shows its points. */
const BAR_KINDS = new Set([
  'process',
  'userTask',
  'serviceTask',
  'sendTask',
  'scriptTask',
  'businessRuleTask',
  'receiveTask',
  'task',
  'manualTask',
  'subProcess',
  'callActivity',
]);

interface Item {
  id: string;
  group: string;
  content: string;
  start: Date;
  end?: Date;
  type: 'range' | 'point';
  className: string;
  title: string;
  /** Shown as data-* attributes on the item (vis-timeline dataAttributes). */
  instance: string;
  element: string;
  startIso: string;
  endIso?: string;
}

interface Group {
  id: string;
  content: string;
  order: number;
  className?: string;
  title?: string;
  nestedGroups?: string[];
  showNested?: boolean;
}

export class InstanceTimeline {
  private readonly timeline: Timeline;
  private markers: string[] = [];
  private fitted = false;
  private lastGroups = '';

  constructor(container: HTMLElement) {
    this.timeline = new Timeline(container, [], [], {
      stack: true,
      showCurrentTime: true,
      zoomKey: 'ctrlKey',
      orientation: 'top',
      margin: { item: 4 },
      groupOrder: 'order',
      tooltip: { followMouse: true },
      dataAttributes: ['instance', 'element', 'startIso', 'endIso'],
      xss: { disabled: false, filterOptions: { whiteList: { span: ['class'] } } },
      ...plantAxisOptions(),
    } as never);
  }

  /** Replaces the content with `source` (and its called instances); keeps the user's zoom after the first fit. */
  update(source: TimelineSource, markers: Marker[], now = new Date()): void {
    const { items, groups } = build(source, now);
    // Setting the same groups again would fold nested groups the user opened or closed.
    const groupKey = JSON.stringify(groups.map((g) => [g.id, g.content, g.nestedGroups]));
    if (groupKey !== this.lastGroups) {
      this.timeline.setGroups(groups as never);
      this.lastGroups = groupKey;
    }
    this.timeline.setItems(items as never);
    for (const id of this.markers) this.timeline.removeCustomTime(id);
    this.markers = [];
    for (const marker of [{ id: 'today', at: now.toISOString(), label: t('timeline.today') }, ...markers]) {
      try {
        this.timeline.addCustomTime(new Date(marker.at), marker.id);
        // setCustomTimeMarker is in vis-timeline 7+, missing from its type declarations.
        (
          this.timeline as unknown as {
            setCustomTimeMarker(title: string, id: string, editable: boolean): void;
          }
        ).setCustomTimeMarker(marker.label, marker.id, false);
        this.timeline.setCustomTimeTitle(
          `${marker.label}: ${/^\d{4}-\d{2}-\d{2}$/.test(marker.at) ? date(marker.at) : dateTime(marker.at)}`,
          marker.id,
        );
        this.markers.push(marker.id);
      } catch {
        /* a marker id twice: skip */
      }
    }
    if (!this.fitted && items.length) {
      // From the first event to now; marked dates too while they are near enough not to
      // squeeze the bars into slivers (a late order shows how far today is from its date).
      const times = items
        .flatMap((i) => [i.start.getTime(), i.end?.getTime() ?? NaN])
        .filter(Number.isFinite);
      let [start, end] = [Math.min(...times), Math.max(...times, now.getTime())];
      const span = Math.max(end - start, 600_000);
      for (const at of markers.map((m) => Date.parse(m.at)).filter(Number.isFinite)) {
        if (at > start - 3 * span && at < end + 3 * span)
          [start, end] = [Math.min(start, at), Math.max(end, at)];
      }
      const pad = Math.max((end - start) * 0.05, 60_000);
      this.timeline.setWindow(new Date(start - pad), new Date(end + pad), { animation: false });
      this.fitted = true;
    }
  }

  destroy(): void {
    this.timeline.destroy();
  }
}

export function build(source: TimelineSource, now: Date): { items: Item[]; groups: Group[] } {
  const groups: Group[] = [];
  const items: Item[] = [];
  addInstance(source, now, groups, items, undefined);
  return { items, groups };
}

/**
 * Rows of one instance. The root's rows are top-level; a called instance gets a row of its
 * own (its process bar) nested in the call activity's row, and its element rows nested in
 * that.
 */
function addInstance(
  source: TimelineSource,
  now: Date,
  groups: Group[],
  items: Item[],
  parentRow: Group | undefined,
): void {
  const rows = new Map<string, Group>();
  const instanceRow = (): Group => {
    const id = `${source.instanceId}::`;
    let row = rows.get('');
    if (!row) {
      const name = source.entries.find((e) => e.elementType === 'process')?.name;
      const content = parentRow ? `↳ ${source.label ?? source.instanceId}` : (name ?? t('timeline.instance'));
      row = {
        id,
        content: escape(content),
        order: groups.length,
        className: parentRow ? 'tl-group-called' : 'tl-group-instance',
        title: escape(source.instanceId),
      };
      rows.set('', row);
      groups.push(row);
      if (parentRow) (parentRow.nestedGroups ??= []).push(id);
    }
    return row;
  };
  // A called instance's own row comes first, so its elements can nest in it.
  const container = parentRow ? instanceRow() : undefined;
  const rowOf = (e: TimelineEntry): Group => {
    if (e.elementType === 'process') return instanceRow();
    let row = rows.get(e.elementId);
    if (!row) {
      row = {
        id: `${source.instanceId}::${e.elementId}`,
        content: escape(e.name ?? e.elementId),
        order: groups.length,
        className: `tl-group-${e.elementType}`,
        title: escape(e.elementId),
      };
      rows.set(e.elementId, row);
      groups.push(row);
      if (container) (container.nestedGroups ??= []).push(row.id);
    }
    return row;
  };
  const open = new Map<string, Item[]>();
  source.entries.forEach((e, index) => {
    const at = new Date(e.at);
    const id = `${source.instanceId}#${index}`;
    const label = e.name ?? (e.elementType === 'process' ? (source.label ?? source.instanceId) : e.elementId);
    const bar = BAR_KINDS.has(e.elementType);
    if (bar && e.event === 'started') {
      const row = rowOf(e);
      const item: Item = {
        id,
        group: row.id,
        content: escape(label),
        start: at,
        end: after(at, now),
        type: 'range',
        className: `tl-bar tl-${e.elementType} tl-running`,
        title: t('timeline.started', { label, when: dateTime(at.toISOString()) }),
        instance: source.instanceId,
        element: e.elementId,
        startIso: at.toISOString(),
      };
      items.push(item);
      open.set(row.id, [...(open.get(row.id) ?? []), item]);
    } else if (bar && (e.event === 'completed' || e.event === 'terminated')) {
      const row = rowOf(e);
      const item = open.get(row.id)?.shift();
      if (item) {
        item.end = after(item.start, at);
        item.endIso = at.toISOString();
        const done = e.elementType === 'userTask' && e.event === 'completed' ? ' tl-task-completed' : '';
        item.className = `tl-bar tl-${e.elementType} tl-${e.event}${done}`;
        item.title +=
          t('timeline.ended', { event: t(`timeline.events.${e.event}`), when: dateTime(at.toISOString()) }) +
          (e.actor ? t('timeline.by', { who: e.actor }) : '');
      }
    } else if (bar && e.event === 'task-completed') {
      // The user task's completion by a person; the bar closes on the element's `completed`.
      const item = open.get(rowOf(e).id)?.[0];
      if (item && e.actor) item.title += t('timeline.doneBy', { who: e.actor });
    } else if (POINT_LABEL[e.event]) {
      items.push(point(id, rowOf(e).id, source.instanceId, e, at));
    }
  });
  for (const item of items) item.title = escape(item.title);
  const byCaller = new Map<string, TimelineSource[]>();
  for (const child of source.children)
    byCaller.set(child.calledBy ?? '', [...(byCaller.get(child.calledBy ?? '') ?? []), child]);
  for (const [calledBy, children] of byCaller) {
    const caller =
      rows.get(calledBy) ??
      rowOf({ at: '', elementId: calledBy || 'called', elementType: 'callActivity', event: 'started' });
    caller.showNested = true;
    for (const child of children) addInstance(child, now, groups, items, caller);
  }
}

/** A bar's end, never before its start (an element started and done in one step still shows). */
function after(start: Date, end: Date): Date {
  return end.getTime() > start.getTime() ? end : new Date(start.getTime() + 1000);
}

function point(id: string, group: string, instance: string, e: TimelineEntry, at: Date): Item {
  const key = POINT_LABEL[e.event];
  const label = key ? t(`timeline.points.${key}`) : e.event;
  const detail = e.detail ? ` ${JSON.stringify(e.detail)}` : '';
  return {
    id,
    group,
    content: escape(label),
    start: at,
    type: 'point',
    className: `tl-point tl-${e.event}`,
    title: t('timeline.point', {
      name: e.name ?? e.elementId,
      label,
      by: e.actor ? t('timeline.by', { who: e.actor }) : '',
      when: dateTime(at.toISOString()),
      detail,
    }),
    instance,
    element: e.elementId,
    startIso: at.toISOString(),
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
