/** /batches — recent batch operations, each linking to its progress page. */
import { messageOf } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, table } from '../ui/dom';
import { dateTime } from '../ui/format';
import { ot } from './messages';
import { batches } from './operate-api';

const batchesPage: Page = async (root) => {
  root.append(h('h1', {}, ot('batchesTitle')));
  try {
    const items = await batches.list();
    root.append(
      items.length
        ? table([ot('batchTitle'), ot('started'), ot('state')], items, (b) => [
            link(`/batches/${encodeURIComponent(b.batchId)}`, b.batchId),
            dateTime(b.startedAt),
            b.running ? 'RUNNING' : '—',
          ])
        : emptyState(ot('none')),
    );
  } catch (error) {
    root.append(errorBox(messageOf(error)));
  }
};

export default batchesPage;
