/** The deployed DMN decisions, each opening in the decision editor; a new decision id opens a blank table. */
import { messageOf } from '../api/client';
import { decisions } from '../api/endpoints';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { dateTime } from '../ui/format';
import { t } from '../i18n';

const decisionsPage: Page = async (root, { navigate }) => {
  const newDecision = h(
    'form',
    { class: 'inline-form', 'aria-label': t('decisions.newLabel') },
    h('label', { for: 'new-decision-id' }, t('decisions.newId')),
    h('input', {
      id: 'new-decision-id',
      name: 'decisionId',
      required: true,
      pattern: '[A-Za-z_][\\w.-]*',
      placeholder: 'contract-class',
    }),
    h('button', { type: 'submit', class: 'btn' }, t('decisions.openEditor')),
  );
  newDecision.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = (newDecision.elements.namedItem('decisionId') as HTMLInputElement).value.trim();
    if (id) navigate(`/decisions/${encodeURIComponent(id)}`);
  });
  const body = h('div', {}, loading(t('decisions.loading')));
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, t('decisions.title')), newDecision),
    h('p', { class: 'hint' }, t('decisions.hint')),
    body,
  );
  try {
    const list = await decisions.list();
    replace(
      body,
      list.length
        ? table(
            [
              t('decisions.colId'),
              t('decisions.colName'),
              t('decisions.colLatest'),
              t('decisions.colTag'),
              t('decisions.colDeployed'),
            ],
            list,
            (d) => {
              const latest = d.versions[d.versions.length - 1];
              return [
                link(`/decisions/${encodeURIComponent(d.decisionId)}`, d.decisionId),
                d.name ?? '',
                `v${d.latestVersion}`,
                latest?.versionTag ?? '',
                latest
                  ? t('decisions.deployedBy', { at: dateTime(latest.deployedAt), user: latest.deployedBy })
                  : '',
              ];
            },
            { 'aria-label': t('decisions.tableLabel') },
          )
        : emptyState(t('decisions.empty'), t('decisions.emptyHint')),
    );
  } catch (error) {
    replace(body, errorBox(messageOf(error)));
  }
};

export default decisionsPage;
