/** The deployed DMN decisions, each opening in the decision editor; a new decision id opens a blank table. */
import { ApiError } from '../api/client';
import { decisions } from '../api/endpoints';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { dateTime } from '../ui/format';

const decisionsPage: Page = async (root, { navigate }) => {
  const newDecision = h(
    'form',
    { class: 'inline-form', 'aria-label': 'New decision' },
    h('label', { for: 'new-decision-id' }, 'New decision id'),
    h('input', {
      id: 'new-decision-id',
      name: 'decisionId',
      required: true,
      pattern: '[A-Za-z_][\\w.-]*',
      placeholder: 'contract-class',
    }),
    h('button', { type: 'submit', class: 'btn' }, 'Open editor'),
  );
  newDecision.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = (newDecision.elements.namedItem('decisionId') as HTMLInputElement).value.trim();
    if (id) navigate(`/decisions/${encodeURIComponent(id)}`);
  });
  const body = h('div', {}, loading('Loading decisions'));
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Decisions'), newDecision),
    h(
      'p',
      { class: 'hint' },
      'DMN decisions are called from business rule tasks by their id (zeebe:calledDecision); binding latest, deployment or versionTag picks the version.',
    ),
    body,
  );
  try {
    const list = await decisions.list();
    replace(
      body,
      list.length
        ? table(
            ['Decision', 'Name', 'Latest version', 'Version tag', 'Deployed'],
            list,
            (d) => {
              const latest = d.versions[d.versions.length - 1];
              return [
                link(`/decisions/${encodeURIComponent(d.decisionId)}`, d.decisionId),
                d.name ?? '',
                `v${d.latestVersion}`,
                latest?.versionTag ?? '',
                latest ? `${dateTime(latest.deployedAt)} by ${latest.deployedBy}` : '',
              ];
            },
            { 'aria-label': 'Decisions' },
          )
        : emptyState('No decision is deployed yet.', 'Enter a new decision id above to design one.'),
    );
  } catch (error) {
    replace(body, errorBox(error instanceof ApiError ? error.plain : String(error)));
  }
};

export default decisionsPage;
