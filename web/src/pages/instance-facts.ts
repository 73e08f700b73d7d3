/**
 * What a person wants to know about an instance at a glance, read from its live state:
 * the current step, the customer, the committed delivery date, and whether it is at risk.
 * The process pack's variable names are not settled yet, so several spellings are tried.
 */
import type { InstanceDetail } from '../api/types';
import { t } from '../i18n';

const CUSTOMER_KEYS = ['customer', 'customerName', 'customerId'];
const DUE_KEYS = ['committedDeliveryDate', 'deliveryDate', 'dueDate', 'requiredDate'];

export interface InstanceFacts {
  currentStep?: string;
  customer?: string;
  dueDate?: string;
  /** Why the instance is at risk, if it is. */
  atRisk?: string;
}

export function instanceFacts(detail: InstanceDetail): InstanceFacts {
  const v = detail.variables ?? {};
  const steps = detail.openTasks.map((t) => t.name ?? t.elementId);
  const currentStep = steps.length ? steps.join(', ') : detail.activeElements.join(', ') || undefined;
  const customer = pick(v, CUSTOMER_KEYS, (x) =>
    typeof x === 'string'
      ? x
      : typeof x === 'object' && x && 'name' in x
        ? String((x as { name: unknown }).name)
        : undefined,
  );
  const dueDate = pick(v, DUE_KEYS, (x) =>
    typeof x === 'string' && !Number.isNaN(Date.parse(x)) ? x : undefined,
  );
  const now = Date.now();
  const incidents = detail.incidents.filter((i) => !i.resolved);
  const overdueTasks = detail.openTasks.filter((t) => t.dueDate && Date.parse(t.dueDate) < now);
  const atRisk = incidents.length
    ? t('instances.riskIncidents', { count: incidents.length })
    : overdueTasks.length
      ? t('instances.riskOverdue', {
          tasks: overdueTasks.map((task) => task.name ?? task.elementId).join(', '),
        })
      : detail.state === 'ACTIVE' && dueDate && Date.parse(dueDate) < now
        ? t('instances.riskPastDate')
        : undefined;
  return { currentStep, customer, dueDate, atRisk };
}

/** Dates among the variables worth marking on the timeline (committed delivery dates and the like). */
export function dateVariables(variables: Record<string, unknown>): { name: string; at: string }[] {
  return Object.entries(variables)
    .filter(
      ([name, value]) =>
        /date/i.test(name) &&
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}/.test(value) &&
        !Number.isNaN(Date.parse(value)),
    )
    .map(([name, value]) => ({ name, at: value as string }));
}

function pick(
  v: Record<string, unknown>,
  keys: string[],
  read: (x: unknown) => string | undefined,
): string | undefined {
  for (const key of keys) {
    const found = read(v[key]);
    if (found) return found;
  }
  return undefined;
}
