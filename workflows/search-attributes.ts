/**
 * Search attributes the instance itself maintains: its open message and signal subscriptions
 * (so the API finds who waits for a message or a signal) and whether it has an unresolved incident. Both start
 * empty and are upserted only when they change, so a process without messages or incidents
 * adds no history event for them. Process, version and business key are set once at start by
 * whoever starts the workflow; state comes from the execution status; active elements from
 * the snapshot query.
 */
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { EngineState } from '../engine';
import { SEARCH_ATTRIBUTES, signalTerm, subscriptionTerm } from './protocol';

const NOTHING = JSON.stringify({ subscriptions: [], hasIncident: false });

export class SearchAttributePublisher {
  private last = NOTHING;

  publish(state: EngineState): void {
    const subscriptions = [
      ...new Set([
        ...Object.values(state.messages).map((s) => subscriptionTerm(s.name, s.correlationKey)),
        ...Object.values(state.signals ?? {}).map((s) => signalTerm(s.name)),
      ]),
    ].sort();
    const hasIncident = state.incidents.some((i) => !i.resolved);
    const key = JSON.stringify({ subscriptions, hasIncident });
    if (key === this.last) return;
    this.last = key;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.subscriptions, value: subscriptions },
      { key: SEARCH_ATTRIBUTES.hasIncident, value: hasIncident },
    ]);
  }
}
