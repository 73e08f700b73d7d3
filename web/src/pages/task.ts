/**
 * /tasks/:taskId — the task's form (form-js) filled with the instance's variables; Submit
 * completes the task. The server's refusals (400 form data, 403 not a candidate, 409
 * already done) are shown as they are.
 */
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import { ApiError } from '../api/client';
import { tasks } from '../api/endpoints';
import type { TaskDetail } from '../api/types';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, replace } from '../ui/dom';
import { dateTime, isOverdue } from '../ui/format';

const REFUSAL: Record<number, string> = {
  400: 'The form data was not accepted',
  403: 'You may not complete this task',
  404: 'This task does not exist',
  409: 'This task can no longer be completed',
};

const taskPage: Page = async (root, { params }) => {
  const taskId = params.taskId;
  let task: TaskDetail;
  try {
    task = await tasks.get(taskId);
  } catch (error) {
    root.append(
      h('h1', {}, 'Task'),
      error instanceof ApiError && error.status === 404
        ? emptyState(`There is no task ${taskId}.`)
        : errorBox(error instanceof ApiError ? error.plain : String(error)),
    );
    return;
  }
  const status = h('div', { class: 'form-status', id: 'task-status', role: 'status', 'aria-live': 'polite' });
  const formHost = h('div', { class: 'task-form', id: 'task-form' });
  const submit = h(
    'button',
    { type: 'button', class: 'btn btn-primary', id: 'task-submit', disabled: task.state !== 'open' },
    'Complete task',
  );
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, task.name ?? task.elementId), link('/tasks', '← Inbox')),
    h(
      'dl',
      { class: 'facts-list' },
      h('dt', {}, 'Instance'),
      h('dd', {}, link(`/instances/${encodeURIComponent(task.instanceId)}`, task.instanceId)),
      h('dt', {}, 'Process'),
      h('dd', {}, `${task.processId} v${task.version}`),
      h('dt', {}, 'Candidates'),
      h('dd', {}, [...task.candidateGroups, ...task.candidateUsers].join(', ') || task.assignee || '—'),
      h('dt', {}, 'State'),
      h('dd', { id: 'task-state' }, task.state),
      h('dt', {}, 'Created'),
      h('dd', {}, dateTime(task.createdAt)),
      h('dt', {}, 'Due'),
      h(
        'dd',
        { class: isOverdue(task.dueDate) && task.state === 'open' ? 'overdue' : '' },
        task.dueDate ? dateTime(task.dueDate) : '—',
      ),
      task.completedAt
        ? [
            h('dt', {}, 'Completed'),
            h('dd', {}, `${dateTime(task.completedAt)} by ${task.completedBy ?? '?'}`),
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
    await form.importSchema(task.form.schema, task.variables);
    collect = () => {
      const { data, errors } = form!.submit();
      if (Object.keys(errors).length) {
        replace(status, errorBox('Please correct the highlighted fields.'));
        return undefined;
      }
      return data as Record<string, unknown>;
    };
  } else {
    const textarea = h(
      'textarea',
      { id: 'task-variables', rows: 6, 'aria-label': 'Variables to set (JSON)' },
      '{}',
    );
    formHost.append(h('label', { for: 'task-variables' }, 'Variables to set (JSON object)'), textarea);
    collect = () => {
      try {
        const value = JSON.parse(textarea.value || '{}');
        if (value && typeof value === 'object' && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {
        /* reported below */
      }
      replace(status, errorBox('Enter a JSON object, e.g. {"approved": true}.'));
      return undefined;
    };
  }

  submit.addEventListener('click', async () => {
    const variables = collect();
    if (!variables) return;
    submit.disabled = true;
    replace(status, 'Completing…');
    try {
      const result = await tasks.complete(taskId, variables);
      replace(
        status,
        h(
          'div',
          { class: 'success-box', id: 'task-completed' },
          `Completed ${dateTime(result.completedAt)}. `,
          link('/tasks', 'Back to the inbox'),
          ' · ',
          link(`/instances/${encodeURIComponent(task.instanceId)}`, 'See the instance'),
        ),
      );
      document.getElementById('task-state')!.textContent = 'completed';
    } catch (error) {
      submit.disabled = false;
      if (error instanceof ApiError) {
        const details = error.body.details as { fields?: { message: string }[] } | undefined;
        replace(
          status,
          errorBox(`${REFUSAL[error.status] ?? 'The server refused'} (${error.status}): ${error.message}`),
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
