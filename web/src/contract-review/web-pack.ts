/** The contract review pack's web home: its pages, navigation entries and catalogue section. */
import type { WebPack } from '../web-pack';
import { t } from '../i18n';
import { contractInstancePanel } from './instance-panel';

export const webPack: WebPack = {
  name: 'contract-review',
  routes: [
    {
      path: '/meetings',
      title: () => t('titles.meetings'),
      page: () => import('./meetings').then((m) => m.default),
    },
    { path: '/kpi', title: () => t('titles.kpi'), page: () => import('./kpi').then((m) => m.default) },
  ],
  nav: [
    { href: '/meetings', label: () => t('nav.meetings') },
    { href: '/kpi', label: () => t('nav.kpi') },
  ],
  instancePanel: contractInstancePanel,
};
