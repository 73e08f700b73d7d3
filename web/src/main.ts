import './styles.css';
import { setUnauthorizedHandler } from './api/client';
import { currentSession } from './auth';
import { Router } from './router';
import { renderHeader } from './ui/layout';

const header = document.getElementById('app-header')!;
const main = document.getElementById('main')!;

const router = new Router(
  main,
  (path, route) => {
    if (path === '/' || path === '') return currentSession() ? '/processes' : '/login';
    if (!route.public && !currentSession())
      return `/login?next=${encodeURIComponent(path + location.search)}`;
    return undefined;
  },
  (path, title) => {
    document.title = `${title} · BPMN on Temporal`;
    renderHeader(header, path, router.navigate);
  },
);

setUnauthorizedHandler(() =>
  router.navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`),
);

router
  .add('/login', 'Sign in', () => import('./pages/login').then((m) => m.default), { public: true })
  .add('/processes', 'Processes', () => import('./pages/processes').then((m) => m.default))
  .add('/processes/:processId', 'Modeler', () => import('./pages/process-modeler').then((m) => m.default))
  .add('/forms', 'Forms', () => import('./pages/forms').then((m) => m.default))
  .add('/forms/:formId', 'Form editor', () => import('./pages/form-editor').then((m) => m.default))
  .add('/instances', 'Instances', () => import('./pages/instances').then((m) => m.default))
  .add('/instances/:instanceId', 'Instance', () => import('./pages/instance').then((m) => m.default))
  .add('/tasks', 'Task inbox', () => import('./pages/tasks').then((m) => m.default))
  .add('/tasks/:taskId', 'Task', () => import('./pages/task').then((m) => m.default))
  .add('/meetings', 'Meetings', () => import('./pages/meetings').then((m) => m.default))
  .add('/kpi', 'KPIs', () => import('./pages/kpi').then((m) => m.default))
  .start();
