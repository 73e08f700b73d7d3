/** /batches/:batchId — a batch operation's progress (done, failed with reasons), with suspend, resume and cancel. */
import { messageOf } from '../api/client';
import type { Page } from '../router';
import { errorBox, h, replace, table } from '../ui/dom';
import { dateTime } from '../ui/format';
import { mayOperate } from './token-editor';
import { ot } from './messages';
import { batches, type BatchProgress } from './operate-api';

const REFRESH_MS = 1500;

const batchPage: Page = async (root, { params }) => {
  const batchId = params.batchId;
  const body = h('div', { 'aria-live': 'polite' });
  root.append(h('h1', {}, `${ot('batchTitle')} ${batchId}`), body);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const control = (action: 'suspend' | 'resume' | 'cancel') => async () => {
    try {
      render(await batches.control(batchId, action));
    } catch (error) {
      body.prepend(errorBox(messageOf(error)));
    }
  };

  function render(p: BatchProgress): void {
    const finished = p.done + p.failed;
    const ended = p.state === 'COMPLETED' || p.state === 'CANCELLED';
    replace(
      body,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, ot('operation')),
        h('dd', {}, p.operation),
        h('dt', {}, ot('state')),
        h('dd', { class: `state state-${p.state.toLowerCase()}` }, p.state),
        h('dt', {}, ot('total')),
        h('dd', {}, String(p.total)),
        h('dt', {}, ot('done')),
        h('dd', { id: 'batch-done' }, String(p.done)),
        h('dt', {}, ot('failed')),
        h('dd', { id: 'batch-failed' }, String(p.failed)),
        h('dt', {}, ot('started')),
        h('dd', {}, dateTime(p.createdAt)),
      ),
      h('progress', { max: p.total, value: finished, 'aria-label': `${finished} / ${p.total}` }),
      mayOperate() && !ended
        ? h(
            'div',
            { class: 'toolbar' },
            p.state === 'SUSPENDED'
              ? h('button', { type: 'button', class: 'btn', onclick: control('resume') }, ot('resume'))
              : h('button', { type: 'button', class: 'btn', onclick: control('suspend') }, ot('suspend')),
            h(
              'button',
              { type: 'button', class: 'btn btn-danger', onclick: control('cancel') },
              ot('cancel'),
            ),
          )
        : null,
      p.failures.length
        ? [
            h('h2', {}, ot('failures')),
            table([ot('instance'), ot('code'), ot('reason')], p.failures, (f) => [
              f.instanceId,
              f.code,
              f.message,
            ]),
          ]
        : null,
    );
  }

  async function refresh(): Promise<void> {
    try {
      const p = await batches.get(batchId);
      render(p);
      if (!stopped && p.state !== 'COMPLETED' && p.state !== 'CANCELLED')
        timer = setTimeout(() => void refresh(), REFRESH_MS);
    } catch (error) {
      replace(body, errorBox(messageOf(error)));
    }
  }
  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
};

export default batchPage;
