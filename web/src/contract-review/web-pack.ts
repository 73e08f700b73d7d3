/** The contract review pack's web home: its pages, navigation entries and catalogue section. */
import { t } from '../i18n';
import { contractInstancePanel } from './instance-panel';
import type { WebPack } from '../web-pack';
import { tr } from './endpoints';
import formTextsZhCN from './form-texts/zh-CN.json';
import { messages } from './messages';
import './pages.css';

export const webPack: WebPack = {
  name: 'contract-review',
  messages,
  formTexts: { 'zh-CN': formTextsZhCN },
  routes: [
    {
      path: '/contracts',
      title: () => tr('titles.ledger'),
      page: () => import('./ledger-page').then((m) => m.default),
    },
    {
      path: '/contracts/new',
      title: () => tr('titles.newContract'),
      page: () => import('./new-contract-page').then((m) => m.default),
    },
    {
      path: '/contracts/:contractNo',
      title: () => tr('titles.contract'),
      page: () => import('./contract-page').then((m) => m.default),
    },
    {
      path: '/late-orders',
      title: () => tr('titles.lateOrders'),
      page: () => import('./late-orders-page').then((m) => m.default),
    },
    { path: '/csr', title: () => tr('titles.csr'), page: () => import('./csr-page').then((m) => m.default) },
    {
      path: '/meetings',
      title: () => t('titles.meetings'),
      page: () => import('./meetings').then((m) => m.default),
    },
    { path: '/kpi', title: () => t('titles.kpi'), page: () => import('./kpi-page').then((m) => m.default) },
    {
      path: '/calendar',
      title: () => tr('titles.calendar'),
      page: () => import('./calendar-page').then((m) => m.default),
    },
  ],
  nav: [
    {
      href: '/contracts',
      label: () => tr('nav.contracts'),
      groups: [
        'sales',
        'pmc',
        'warehouse',
        'merchandiser',
        'manager',
        'admin',
        'quality',
        'rnd',
        'procurement',
        'production',
        'finance',
        'gm',
        'evp',
        'mfg-vp',
      ],
    },
    {
      href: '/late-orders',
      label: () => tr('nav.lateOrders'),
      groups: ['sales', 'pmc', 'warehouse', 'merchandiser', 'manager', 'admin', 'mfg-vp', 'quality'],
    },
    {
      href: '/csr',
      label: () => tr('nav.csr'),
      groups: ['sales', 'rnd', 'quality', 'apqp', 'production', 'manager', 'admin'],
    },
    { href: '/meetings', label: () => t('nav.meetings') },
    { href: '/kpi', label: () => t('nav.kpi') },
    { href: '/calendar', label: () => tr('nav.calendar') },
  ],
  instancePanel: contractInstancePanel,
};
