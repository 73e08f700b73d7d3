/**
 * /tasks/:taskId — the task's form (form-js) filled with the instance's variables; Submit
 * completes the task. The server's refusals (400 form data, 403 not a candidate, 409
 * already done) are shown as they are.
 */
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import { translateFormSchema } from '../i18n/form-texts';
import { ApiError, messageOf } from '../api/client';
import { tasks } from '../api/endpoints';
import type { TaskDetail } from '../api/types';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, replace } from '../ui/dom';
import { dateTime, isOverdue } from '../ui/format';
import { invalidateTaskBadge } from '../ui/task-badge';
import { t } from '../i18n';

const REFUSAL: Record<number, () => string> = {
  400: () => t('task.refusal400'),
  403: () => t('task.refusal403'),
  404: () => t('task.refusal404'),
  409: () => t('task.refusal409'),
};

const taskPage: Page = async (root, { params }) => {
  const taskId = params.taskId;
  let task: TaskDetail;
  try {
    task = await tasks.get(taskId);
  } catch (error) {
    root.append(
      h('h1', {}, t('task.title')),
      error instanceof ApiError && error.status === 404
        ? emptyState(t('task.missing', { taskId }))
        : errorBox(messageOf(error)),
    );
    return;
  }
  const status = h('div', { class: 'form-status', id: 'task-status', role: 'status', 'aria-live': 'polite' });
  const formHost = h('div', { class: 'task-form', id: 'task-form' });
  const submit = h(
    'button',
    { type: 'button', class: 'btn btn-primary', id: 'task-submit', disabled: task.state !== 'open' },
    t('task.complete'),
  );
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, task.name ?? task.elementId),
      link('/tasks', t('task.inbox')),
    ),
    h(
      'dl',
      { class: 'facts-list' },
      h('dt', {}, t('task.instance')),
      h('dd', {}, link(`/instances/${encodeURIComponent(task.instanceId)}`, task.instanceId)),
      h('dt', {}, t('task.process')),
      h('dd', {}, `${task.processId} v${task.version}`),
      h('dt', {}, t('task.candidates')),
      h('dd', {}, [...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee || '—'),
      h('dt', {}, t('task.state')),
      h('dd', { id: 'task-state', 'data-state': task.state }, t(`state.${task.state}`)),
      h('dt', {}, t('task.created')),
      h('dd', {}, dateTime(task.createdAt)),
      h('dt', {}, t('task.due')),
      h(
        'dd',
        { class: isOverdue(task.dueDate) && task.state === 'open' ? 'overdue' : '' },
        task.dueDate ? dateTime(task.dueDate) : '—',
      ),
      task.completedAt
        ? [
            h('dt', {}, t('task.completed')),
            h('dd', {}, t('common.by', { when: dateTime(task.completedAt), who: task.completedBy ?? '?' })),
          ]
        : null,
    ),
    formHost,
    h('div', { class: 'toolbar' }, submit),
    status,
  );

  // With a form: form-js renders and validates it. Without: the variables to set, as JSON.
  let collect: () => Record<string, unknown> | undefined;
  let form: Form | undefined;
  if (task.form) {
    // No input debounce: with it, a change made within 300 ms of typing (tick a checkbox
    // right after a text field) is overwritten by the text field's late, stale update.
    form = new Form({ container: formHost, debounce: false } as ConstructorParameters<typeof Form>[0]);
    await form.importSchema(translateFormSchema(task.form.schema), task.variables);
    collect = () => {
      const { data, errors } = form!.submit();
      if (Object.keys(errors).length) {
        replace(status, errorBox(t('task.fixFields')));
        return undefined;
      }
      return data as Record<string, unknown>;
    };
  } else {
    const textarea = h(
      'textarea',
      { id: 'task-variables', rows: 6, 'aria-label': t('task.variablesAria') },
      '{}',
    );
    formHost.append(h('label', { for: 'task-variables' }, t('task.variablesLabel')), textarea);
    collect = () => {
      try {
        const value = JSON.parse(textarea.value || '{}');
        if (value && typeof value === 'object' && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {
        /* reported below */
      }
      replace(status, errorBox(t('task.badJson')));
      return undefined;
    };
  }

  submit.addEventListener('click', async () => {
    const variables = collect();
    if (!variables) return;
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
  });

  return () => form?.destroy();
};

export default taskPage;
