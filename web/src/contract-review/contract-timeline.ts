/** The contract page's timeline: its instance's steps (called late orders nested) with the committed dates marked. */
import type { ContractDetail } from '../../../api/contract-review/contracts/queries/contract-detail.response';
import { timelineWithCalled } from '../pages/instance-called';
import { h } from '../ui/dom';
import { InstanceTimeline } from '../ui/instance-timeline';
import { committedDates } from './contract-records';
import { tr } from './endpoints';

export interface ContractTimeline {
  section: HTMLElement;
  update(contract: ContractDetail): Promise<void>;
  destroy(): void;
}

export function contractTimeline(): ContractTimeline {
  const host = h('div', { class: 'timeline', id: 'contract-timeline' });
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'contract-timeline-title', hidden: true },
    h('h2', { id: 'contract-timeline-title' }, tr('contract.timeline')),
    host,
  );
  let timeline: InstanceTimeline | undefined;
  return {
    section,
    async update(contract) {
      if (!contract.instanceId) return;
      section.hidden = false;
      timeline ??= new InstanceTimeline(host);
      try {
        timeline.update(await timelineWithCalled(contract.instanceId), committedDates(contract));
        delete host.dataset.error;
      } catch (error) {
        host.dataset.error = String(error);
      }
    },
    destroy: () => timeline?.destroy(),
  };
}
