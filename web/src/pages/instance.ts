/**
 * /instances/:instanceId — one instance (one order): the diagram of its version with
 * active tokens, completed counts and incidents (Retry), its timeline (called processes
 * nested), open tasks and variables, and the sections installed packs add (web-pack.ts
 * instancePanel, e.g. a contract's records). Refreshes while the
 * instance is active.
 */
import { createViewer } from '../../modeler/create-viewer';
import { ApiError, messageOf } from '../api/client';
import { definitions, incidents, instances } from '../api/endpoints';
import type { InstanceDetail } from '../api/types';
import { t } from '../i18n';
import type { Page } from '../router';
import { installedPacks } from '../web-pack';
import { emptyState, errorBox, h, replace, toast } from '../ui/dom';
import { InstanceTimeline } from '../ui/instance-timeline';
import { mayOperate, TokenEditor } from '../operate/token-editor';
import { renderAudit } from './instance-audit';
import { instanceLayout } from './instance-layout';
import { refreshInstanceTimeline, renderInstance, type InstanceHandlers } from './instance-views';

const REFRESH_MS = 4000;

const instancePage: Page = async (root, { params }) => {
  const instanceId = params.instanceId;
  const el = instanceLayout(root, instanceId);

  let detail: InstanceDetail;
  try {
    detail = await instances.get(instanceId);
  } catch (error) {
    replace(
      root,
      h('h1', {}, t('instance.title')),
      error instanceof ApiError && error.status === 404
        ? emptyState(t('instance.missing', { instanceId }))
        : errorBox(messageOf(error)),
    );
    return;
  }
  el.heading.textContent = `${detail.processId} · ${detail.businessKey}`;

  const viewer = await definitions
    .version(detail.processId, detail.version)
    .then((d) => createViewer(el.canvas, d.xml))
    .catch((reason: unknown) => {
      replace(el.canvas, errorBox(t('instance.noDiagram', { reason: String(reason) })));
      return undefined;
    });
  const timeline = new InstanceTimeline(el.timelineHost);
  // Sections the installed packs add for this instance (e.g. a contract's records).
  const panels = installedPacks().flatMap((pack) => pack.instancePanel?.(detail) ?? []);
  root.append(...panels.map((panel) => panel.section));
  const tokenEditor =
    mayOperate() && detail.state === 'ACTIVE'
      ? new TokenEditor(el.operate, viewer, detail, () => void refresh())
      : undefined;

  const handlers: InstanceHandlers = {
    retry: (incidentId) => void run(() => incidents.retry(incidentId), t('instance.retrying')),
    refresh: () => void refresh(),
    cancel: () => {
      if (confirm(t('instance.confirmCancel', { instanceId })))
        void run(() => instances.cancel(instanceId), t('instance.cancelRequested'));
    },
  };
  /** An operator action, then a refresh; its outcome as a toast. */
  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await action();
      toast(done, 'success');
      await refresh();
    } catch (error) {
      toast(messageOf(error), 'error');
    }
  }
  const show = async (d: InstanceDetail) => {
    renderInstance(el, viewer, tokenEditor, d, handlers);
    await Promise.all(panels.map((panel) => panel.refresh()));
    await refreshInstanceTimeline(instanceId, el.timelineHost, timeline, panels, d);
    await renderAudit(el.audit, instanceId);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  async function refresh(): Promise<void> {
    clearTimeout(timer);
    try {
      detail = await instances.get(instanceId);
      await show(detail);
      el.status.replaceChildren();
    } catch (error) {
      replace(el.status, errorBox(t('instance.refreshFailed', { message: messageOf(error) })));
    }
    if (!stopped && detail.state === 'ACTIVE') timer = setTimeout(() => void refresh(), REFRESH_MS);
  }

  await show(detail);
  if (detail.state === 'ACTIVE') timer = setTimeout(() => void refresh(), REFRESH_MS);

  return () => {
    stopped = true;
    clearTimeout(timer);
    timeline.destroy();
    viewer?.destroy();
  };
};

export default instancePage;
