/**
 * The task's input: its form in form-js (texts in the chosen language, filled with the
 * instance's variables), or, without a form, the variables to set as JSON.
 */
import { Form } from '@bpmn-io/form-js';
import type { TaskDetail } from '../api/types';
import { t } from '../i18n';
import { datesInUiLanguage, FormJsLanguageModule, localizeRenderedForm } from '../i18n/form-js-language';
import { translateFormSchema } from '../i18n/form-texts';
import { errorBox, h, replace } from '../ui/dom';

export interface TaskInput {
  /** The variables to submit, or undefined after showing why not. */
  collect(): Record<string, unknown> | undefined;
  destroy(): void;
}

export async function taskInput(
  task: TaskDetail,
  host: HTMLElement,
  status: HTMLElement,
): Promise<TaskInput> {
  if (task.form) {
    // No input debounce: with it, a change made within 300 ms of typing (tick a checkbox
    // right after a text field) is overwritten by the text field's late, stale update.
    datesInUiLanguage();
    const form = new Form({
      container: host,
      debounce: false,
      additionalModules: [FormJsLanguageModule],
    } as ConstructorParameters<typeof Form>[0]);
    const stopLocalizing = localizeRenderedForm(host);
    await form.importSchema(translateFormSchema(task.form.schema), task.variables);
    return {
      collect: () => {
        const { data, errors } = form.submit();
        if (Object.keys(errors).length) {
          replace(status, errorBox(t('task.fixFields')));
          return undefined;
        }
        return data as Record<string, unknown>;
      },
      destroy: () => {
        stopLocalizing();
        form.destroy();
      },
    };
  }
  const textarea = h(
    'textarea',
    { id: 'task-variables', rows: 6, 'aria-label': t('task.variablesAria') },
    '{}',
  );
  host.append(h('label', { for: 'task-variables' }, t('task.variablesLabel')), textarea);
  return {
    collect: () => {
      try {
        const value = JSON.parse(textarea.value || '{}');
        if (value && typeof value === 'object' && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {
        /* reported below */
      }
      replace(status, errorBox(t('task.badJson')));
      return undefined;
    },
    destroy: () => undefined,
  };
}
