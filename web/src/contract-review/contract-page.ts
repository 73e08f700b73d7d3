/** /contracts/:contractNo — the whole record and timeline, the actions of the user's role; the review record as PDF. */
import { ApiError, messageOf } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace } from '../ui/dom';
import { contractRecords } from './contract-records';
import { contractActions } from './contract-actions';
import { contractTimeline } from './contract-timeline';
import { pack, tr } from './endpoints';

const contractPage: Page = async (root, { params }) => {
  const contractNo = params.contractNo;
  const status = h('div', { role: 'status' });
  const body = h('div', {}, loading());
  const pdf = h(
    'button',
    {
      type: 'button',
      class: 'btn',
      id: 'review-record-pdf',
      onclick: () =>
        pack.reviewRecordPdf(contractNo).catch((e: unknown) => replace(status, errorBox(messageOf(e)))),
    },
    tr('contract.pdf'),
  );
  const instanceLink = h('span', {});
  const timeline = contractTimeline();
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, tr('contract.title', { contractNo })),
      h('div', { class: 'toolbar' }, pdf, instanceLink, link('/contracts', tr('contract.ledger'))),
    ),
    status,
    body,
    timeline.section,
  );
  const render = async () => {
    try {
      const [c, comms] = await Promise.all([
        pack.contract(contractNo),
        pack.communications(contractNo).then(
          (p) => p.items,
          (e: unknown) => messageOf(e),
        ),
      ]);
      replace(
        instanceLink,
        c.instanceId ? link(`/instances/${encodeURIComponent(c.instanceId)}`, tr('contract.instance')) : null,
      );
      replace(
        body,
        contractActions(c, () => void render()),
        h('section', { class: 'card', id: 'contract-records' }, contractRecords(c, comms)),
      );
      await timeline.update(c);
    } catch (error) {
      replace(
        body,
        error instanceof ApiError && error.status === 404
          ? emptyState(tr('contract.missing', { contractNo }))
          : errorBox(messageOf(error)),
      );
    }
  };
  await render();
  return () => timeline.destroy();
};

export default contractPage;
