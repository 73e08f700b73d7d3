/** An instance's audit trail, on its page and its tasks' pages: who started, completed, retried, cancelled or messaged it (GET /api/audit). */
import { messageOf } from '../api/client';
import { audit } from '../api/endpoints';
import type { AuditEntryView } from '../api/types';
import { t } from '../i18n';
import { emptyState, errorBox, h, replace, table } from '../ui/dom';
import { dateTime } from '../ui/format';

export function auditSection(id = 'instance-audit'): HTMLElement {
  return h('section', { class: 'card', id, 'aria-label': t('audit.title') });
}

/** Fills the section with the instance's newest entries; "Older" pages back. */
export async function renderAudit(section: HTMLElement, instanceId: string, cursor?: string): Promise<void> {
  let page;
  try {
    page = await audit.list({ instanceId, limit: 20, cursor });
  } catch (error) {
    replace(section, h('h2', {}, t('audit.title')), errorBox(messageOf(error)));
    return;
  }
  const rows = table(
    [t('audit.when'), t('audit.who'), t('audit.what'), t('audit.about')],
    page.items,
    (a) => [dateTime(a.at), h('span', { class: 'audit-user' }, a.user), t(`audit.${a.action}`), about(a)],
    { 'aria-label': t('audit.title') },
  );
  const older = page.nextCursor
    ? h(
        'button',
        {
          type: 'button',
          class: 'btn btn-small',
          onclick: () => void renderAudit(section, instanceId, page.nextCursor),
        },
        t('audit.older'),
      )
    : null;
  replace(
    section,
    h('h2', {}, t('audit.title')),
    page.items.length ? rows : emptyState(t('audit.none')),
    older,
  );
}

function about(a: AuditEntryView): string {
  const details = a.details ?? {};
  if (a.action === 'task-complete') return String(details.name ?? details.elementId ?? a.subject ?? '');
  if (a.action === 'retry') return String(details.elementId ?? a.subject ?? '');
  return a.subject ?? '';
}
