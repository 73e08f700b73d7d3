/**
 * The instance's timeline (vis-timeline): one row per element, each activation a bar from
 * started to completed (still running: up to now), tasks, timers, messages, errors and
 * incidents as points, the committed dates and today marked.
 */
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import { Timeline } from 'vis-timeline/standalone';
import type { TimelineEntry } from '../api/types';

const POINT_LABEL: Partial<Record<TimelineEntry['event'], string>> = {
  'task-created': 'task created',
  'task-completed': 'task completed',
  'timer-fired': 'timer fired',
  'message-correlated': 'message',
  error: 'error',
  escalated: 'escalation',
  incident: 'incident',
};

interface Item {
  id: string;
  group: string;
  content: string;
  start: Date;
  end?: Date;
  type: 'range' | 'point' | 'box';
  className: string;
  title: string;
}

export interface Marker {
  id: string;
  at: string;
  label: string;
}

export class InstanceTimeline {
  private readonly timeline: Timeline;
  private markers: string[] = [];
  private fitted = false;

  constructor(container: HTMLElement) {
    this.timeline = new Timeline(container, [], [], {
      stack: true,
      showCurrentTime: true,
      zoomKey: 'ctrlKey',
      orientation: 'top',
      margin: { item: 4 },
      groupOrder: 'order',
      tooltip: { followMouse: true },
      xss: { disabled: false, filterOptions: { whiteList: { span: ['class'] } } },
    } as never);
  }

  /** Replaces the content with `entries`; keeps the user's zoom after the first fit. */
  update(entries: TimelineEntry[], markers: Marker[], now = new Date()): void {
    const { items, groups } = build(entries, now);
    this.timeline.setGroups(groups as never);
    this.timeline.setItems(items as never);
    for (const id of this.markers) this.timeline.removeCustomTime(id);
    this.markers = [];
    for (const marker of [{ id: 'today', at: now.toISOString(), label: 'today' }, ...markers]) {
      try {
        this.timeline.addCustomTime(new Date(marker.at), marker.id);
        // setCustomTimeMarker is in vis-timeline 7+, missing from its type declarations.
        (this.timeline as unknown as { setCustomTimeMarker(title: string, id: string, editable: boolean): void }).setCustomTimeMarker(marker.label, marker.id, false);
        this.timeline.setCustomTimeTitle(`${marker.label}: ${new Date(marker.at).toLocaleString()}`, marker.id);
        this.markers.push(marker.id);
      } catch {
        /* a marker id twice: skip */
      }
    }
    if (!this.fitted && items.length) {
      // From the first event to the latest of now and the marked dates: a late order shows
      // how far today is from its committed date.
      const times = [...items.map((i) => i.start.getTime()), now.getTime(), ...markers.map((m) => Date.parse(m.at))].filter(Number.isFinite);
      const [start, end] = [Math.min(...times), Math.max(...times)];
      const pad = Math.max((end - start) * 0.05, 60_000);
      this.timeline.setWindow(new Date(start - pad), new Date(end + pad), { animation: false });
      this.fitted = true;
    }
  }

  destroy(): void {
    this.timeline.destroy();
  }
}

function build(entries: TimelineEntry[], now: Date): { items: Item[]; groups: { id: string; content: string; order: number }[] } {
  const groups = new Map<string, { id: string; content: string; order: number }>();
  const open = new Map<string, Item[]>();
  const items: Item[] = [];
  const groupOf = (e: TimelineEntry) => {
    if (!groups.has(e.elementId)) groups.set(e.elementId, { id: e.elementId, content: escape(e.name ?? e.elementId), order: groups.size });
    return e.elementId;
  };
  entries.forEach((e, index) => {
    const group = groupOf(e);
    const at = new Date(e.at);
    if (e.event === 'started') {
      const bar: Item = { id: `bar-${index}`, group, content: escape(e.name ?? e.elementId), start: at, end: now, type: 'range', className: `tl-${e.elementType} tl-running`, title: `${e.name ?? e.elementId}: started ${at.toLocaleString()}` };
      items.push(bar);
      open.set(group, [...(open.get(group) ?? []), bar]);
    } else if (e.event === 'completed' || e.event === 'terminated') {
      const bar = open.get(group)?.shift();
      if (bar) {
        bar.end = at;
        bar.className = `tl-${e.elementType} tl-${e.event}`;
        bar.title += `, ${e.event} ${at.toLocaleString()}`;
      } else {
        items.push(point(index, group, e, at));
      }
    } else {
      items.push(point(index, group, e, at));
    }
  });
  return { items, groups: [...groups.values()] };
}

function point(index: number, group: string, e: TimelineEntry, at: Date): Item {
  const label = POINT_LABEL[e.event] ?? e.event;
  const detail = e.detail ? ` ${JSON.stringify(e.detail)}` : '';
  return {
    id: `pt-${index}`,
    group,
    content: escape(label),
    start: at,
    type: 'point',
    className: `tl-point tl-${e.event}`,
    title: escape(`${e.name ?? e.elementId}: ${label}${e.actor ? ` by ${e.actor}` : ''} at ${at.toLocaleString()}${detail}`),
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
