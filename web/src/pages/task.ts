/**
 * /tasks/:taskId — the task's form (form-js) filled with the instance's variables; Submit
 * completes the task. The server's refusals (400 form data, 403 not a candidate, 409
 * already done) are shown as they are. Below, the audit trail of the task's instance.
 */
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { ApiError, messageOf } from '../api/client';
import { tasks } from '../api/endpoints';
import type { TaskDetail } from '../api/types';
import { t } from '../i18n';
import type { Page } from '../router';
import { emptyState, errorBox, h, link } from '../ui/dom';
import { auditSection, renderAudit } from './instance-audit';
import { completeFromPage } from './task-completion';
import { taskFacts } from './task-facts';
import { taskInput } from './task-input';

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
  const auditHost = auditSection('task-audit');
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
    taskFacts(task),
    formHost,
    h('div', { class: 'toolbar' }, submit),
    status,
    auditHost,
  );

  const input = await taskInput(task, formHost, status);
  void renderAudit(auditHost, task.instanceId);
  submit.addEventListener('click', () => {
    const variables = input.collect();
    if (variables) void completeFromPage(task, variables, submit, status);
  });

  return () => input.destroy();
};

export default taskPage;
