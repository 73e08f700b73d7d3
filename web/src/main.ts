import './styles.css';
import { setUnauthorizedHandler } from './api/client';
import { settings } from './api/endpoints';
import { currentSession } from './auth';
import { addMessages, t } from './i18n';
import { addFormTexts } from './i18n/form-texts';
import { Router } from './router';
import { setPlantTimeZone } from './ui/format';
import { renderHeader } from './ui/layout';
import { installedPacks } from './web-pack';

const header = document.getElementById('app-header')!;
const main = document.getElementById('main')!;
const packs = installedPacks();
for (const pack of packs) {
  if (pack.messages)
    addMessages(pack.messages.section, { en: pack.messages.en, 'zh-CN': pack.messages['zh-CN'] });
  if (pack.formTexts) addFormTexts(pack.formTexts);
}

const router = new Router(
  main,
  (path, route) => {
    if (path === '/' || path === '') return currentSession() ? '/processes' : '/login';
    if (!route.public && !currentSession())
      return `/login?next=${encodeURIComponent(path + location.search)}`;
    return undefined;
  },
  (path, title) => {
    document.title = `${title} · ${t('app.title')}`;
    document.querySelector('.skip-link')?.replaceChildren(t('app.skip'));
    renderHeader(header, {
      path,
      navigate: router.navigate,
      packNav: packs.flatMap((p) => p.nav),
      rerender: router.rerender,
    });
  },
);

setUnauthorizedHandler(() =>
  router.navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`),
);

router
  .add(
    '/login',
    () => t('titles.login'),
    () => import('./pages/login').then((m) => m.default),
    {
      public: true,
    },
  )
  .add(
    '/processes',
    () => t('titles.processes'),
    () => import('./pages/processes').then((m) => m.default),
  )
  .add(
    '/processes/:processId',
    () => t('titles.modeler'),
    () => import('./pages/process-modeler').then((m) => m.default),
  )
  .add(
    '/forms',
    () => t('titles.forms'),
    () => import('./pages/forms').then((m) => m.default),
  )
  .add(
    '/forms/:formId',
    () => t('titles.formEditor'),
    () => import('./pages/form-editor').then((m) => m.default),
  )
  .add(
    '/decisions',
    () => t('titles.decisions'),
    () => import('./pages/decisions').then((m) => m.default),
  )
  .add(
    '/decisions/:decisionId',
    () => t('titles.decisionEditor'),
    () => import('./pages/decision-editor').then((m) => m.default),
  )
  .add(
    '/instances',
    () => t('titles.instances'),
    () => import('./pages/instances').then((m) => m.default),
  )
  .add(
    '/instances/:instanceId',
    () => t('titles.instance'),
    () => import('./pages/instance').then((m) => m.default),
  )
  .add(
    '/tasks',
    () => t('titles.tasks'),
    () => import('./pages/tasks').then((m) => m.default),
  )
  .add(
    '/tasks/:taskId',
    () => t('titles.task'),
    () => import('./pages/task').then((m) => m.default),
  );
for (const pack of packs) for (const route of pack.routes) router.add(route.path, route.title, route.page);

// The plant's time zone for every date shown (the server's PLANT_TIME_ZONE).
void settings
  .get()
  .then((s) => setPlantTimeZone(s.plantTimeZone))
  .catch(() => undefined)
  .finally(() => router.start());
