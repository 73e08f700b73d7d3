/**
 * Search attributes for listing and message correlation, upserted only when they change so
 * the history gets one event per real change rather than one per step.
 */
import { upsertSearchAttributes } from '@temporalio/workflow';
import { snapshotOf, type EngineState } from '../engine';
import { SEARCH_ATTRIBUTES, subscriptionTerm } from './protocol';

export class SearchAttributePublisher {
  private last = '';

  publish(state: EngineState): void {
    const snapshot = snapshotOf(state);
    const subscriptions = [...new Set(snapshot.subscriptions.map((s) => subscriptionTerm(s.name, s.correlationKey)))].sort();
    const hasIncident = snapshot.incidents.some((i) => !i.resolved);
    const values = { state: snapshot.state, activeElements: snapshot.activeElements, subscriptions, hasIncident };
    const key = JSON.stringify(values);
    if (key === this.last) return;
    this.last = key;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.state, value: values.state },
      { key: SEARCH_ATTRIBUTES.activeElements, value: values.activeElements },
      { key: SEARCH_ATTRIBUTES.subscriptions, value: values.subscriptions },
      { key: SEARCH_ATTRIBUTES.hasIncident, value: values.hasIncident },
    ]);
  }
}
