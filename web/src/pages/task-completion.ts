/** Completing a task from its page: the result, or the server's refusal as it is. */
import { ApiError } from '../api/client';
import { tasks } from '../api/endpoints';
import type { TaskDetail } from '../api/types';
import { t } from '../i18n';
import { errorBox, h, link, replace } from '../ui/dom';
import { dateTime } from '../ui/format';
import { invalidateTaskBadge } from '../ui/task-badge';

const REFUSAL: Record<number, () => string> = {
  400: () => t('task.refusal400'),
  403: () => t('task.refusal403'),
  404: () => t('task.refusal404'),
  409: () => t('task.refusal409'),
};

export async function completeFromPage(
  task: TaskDetail,
  variables: Record<string, unknown>,
  submit: HTMLButtonElement,
  status: HTMLElement,
): Promise<void> {
  const taskId = task.taskId;
  submit.disabled = true;
  replace(status, t('task.completing'));
  try {
    const result = await tasks.complete(taskId, variables);
    replace(
      status,
      h(
        'div',
        { class: 'success-box', id: 'task-completed' },
        t('task.completedAt', { when: dateTime(result.completedAt) }),
        link('/tasks', t('task.backToInbox')),
        ' · ',
        link(`/instances/${encodeURIComponent(task.instanceId)}`, t('task.seeInstance')),
      ),
    );
    invalidateTaskBadge();
    const stateCell = document.getElementById('task-state')!;
    stateCell.textContent = t('state.completed');
    stateCell.dataset.state = 'completed';
  } catch (error) {
    submit.disabled = false;
    if (error instanceof ApiError) {
      const details = error.body.details as { fields?: { message: string }[] } | undefined;
      replace(
        status,
        errorBox(
          t('task.refused', {
            why: REFUSAL[error.status]?.() ?? t('task.refusedOther'),
            status: error.status,
            message: error.message,
          }),
        ),
        details?.fields?.length
          ? h(
              'ul',
              { class: 'field-errors' },
              details.fields.map((f) => h('li', {}, f.message)),
            )
          : null,
      );
      if (error.status === 409) submit.disabled = true;
    } else {
      replace(status, errorBox(String(error)));
    }
  }
}
