/** The header: navigation between the pages, the task badge, the language switch, the signed-in user, sign out. */
import { clearSession, currentSession, hasGroup } from '../auth';
import { language, setLanguage, t } from '../i18n';
import type { WebPackNavEntry } from '../web-pack';
import { h, link, replace } from './dom';
import { taskBadge } from './task-badge';

const CORE_NAV: WebPackNavEntry[] = [
  { href: '/processes', label: () => t('nav.processes') },
  { href: '/forms', label: () => t('nav.forms') },
  { href: '/decisions', label: () => t('nav.decisions'), groups: ['process-owner', 'admin'] },
  { href: '/instances', label: () => t('nav.instances') },
  { href: '/tasks', label: () => t('nav.tasks') },
];

export interface HeaderOptions {
  path: string;
  navigate: (path: string) => void;
  /** Entries the installed packs add. */
  packNav: WebPackNavEntry[];
  /** Re-renders the current page (after a language switch). */
  rerender: () => void;
}

export function renderHeader(header: HTMLElement, opts: HeaderOptions): void {
  const session = currentSession();
  const entries = [...CORE_NAV, ...opts.packNav].filter((e) => !e.groups || hasGroup(session, ...e.groups));
  const nav = h(
    'nav',
    { 'aria-label': t('nav.label') },
    h(
      'ul',
      {},
      entries.map((entry) => {
        const a = link(entry.href, entry.label());
        if (opts.path === entry.href || opts.path.startsWith(`${entry.href}/`))
          a.setAttribute('aria-current', 'page');
        if (entry.href === '/tasks' && session) a.append(taskBadge(session));
        return h('li', {}, a);
      }),
    ),
  );
  const switchLanguage = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-quiet',
      id: 'language-switch',
      lang: language() === 'en' ? 'zh-CN' : 'en',
      title: t('nav.language'),
      onclick: () => {
        setLanguage(language() === 'en' ? 'zh-CN' : 'en');
        opts.rerender();
      },
    },
    t('nav.switchTo'),
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
              opts.navigate('/login');
            },
          },
          t('nav.signOut'),
        ),
      )
    : null;
  replace(
    header,
    h('div', { class: 'brand' }, link('/processes', t('app.title'))),
    session ? nav : null,
    h('div', { class: 'header-end' }, switchLanguage, user),
  );
}
