/** The header: navigation between the pages, the signed-in user, sign out. */
import { clearSession, currentSession } from '../auth';
import { h, link, replace } from './dom';

const NAV: [string, string][] = [
  ['/processes', 'Processes'],
  ['/forms', 'Forms'],
  ['/instances', 'Instances'],
  ['/tasks', 'Tasks'],
  ['/meetings', 'Meetings'],
  ['/kpi', 'KPIs'],
];

export function renderHeader(header: HTMLElement, path: string, navigate: (path: string) => void): void {
  const session = currentSession();
  const nav = h(
    'nav',
    { 'aria-label': 'Main' },
    h(
      'ul',
      {},
      NAV.map(([href, label]) => {
        const a = link(href, label);
        if (path === href || path.startsWith(`${href}/`)) a.setAttribute('aria-current', 'page');
        return h('li', {}, a);
      }),
    ),
  );
  const user = session
    ? h(
        'div',
        { class: 'user' },
        h('span', { title: session.groups.join(', ') }, session.user),
        h('span', { class: 'groups' }, session.groups.join(', ')),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-quiet',
            onclick: () => {
              clearSession();
              navigate('/login');
            },
          },
          'Sign out',
        ),
      )
    : null;
  replace(
    header,
    h('div', { class: 'brand' }, link('/processes', 'BPMN on Temporal')),
    session ? nav : null,
    user,
  );
}
