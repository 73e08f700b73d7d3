/**
 * The operator screens register like a pack (one registration point, no edit of main.ts):
 * batch operation pages, their navigation entry and catalogue section. The instance view
 * and list mount the token editor, migration dialog and multi-select from this folder.
 */
import type { WebPack } from '../web-pack';
import { en, ot, SECTION, zhCN } from './messages';

export const webPack: WebPack = {
  name: 'operate',
  routes: [
    {
      path: '/batches',
      title: () => ot('batchesTitle'),
      page: () => import('./batches-page').then((m) => m.default),
    },
    {
      path: '/batches/:batchId',
      title: () => ot('batchTitle'),
      page: () => import('./batch-page').then((m) => m.default),
    },
  ],
  nav: [{ href: '/batches', label: () => ot('nav'), groups: ['process-owner', 'admin'] }],
  messages: { section: SECTION, en, 'zh-CN': zhCN },
};
