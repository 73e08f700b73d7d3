/**
 * The instance view's token editor: click an element on the diagram, then add a token
 * there, cancel its tokens, or move tokens from an active element to it; add variable
 * changes as JSON. The planned changes are listed and applied as one modification (the
 * instance refuses all of them, naming the element, if any one is invalid).
 */
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { messageOf } from '../api/client';
import type { InstanceDetail } from '../api/types';
import { currentSession, hasGroup } from '../auth';
import { errorBox, h, replace, toast } from '../ui/dom';
import { openMigrationDialog } from './migration-dialog';
import { ot } from './messages';
import { operations, type ModificationInstructions } from './operate-api';

type Planned =
  | { kind: 'activate'; elementId: string }
  | { kind: 'terminate'; elementId: string }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'variables'; variables: Record<string, unknown> };

export function mayOperate(): boolean {
  return hasGroup(currentSession(), 'process-owner', 'admin');
}

export function toInstructions(planned: Planned[]): ModificationInstructions {
  const m: Required<ModificationInstructions> = { activate: [], terminate: [], move: [], variables: [] };
  for (const p of planned) {
    if (p.kind === 'activate') m.activate.push({ elementId: p.elementId });
    if (p.kind === 'terminate') m.terminate.push({ elementId: p.elementId });
    if (p.kind === 'move') m.move.push({ fromElementId: p.from, toElementId: p.to });
    if (p.kind === 'variables') m.variables.push({ variables: p.variables });
  }
  return m;
}

function describe(p: Planned): string {
  switch (p.kind) {
    case 'activate':
      return ot('activate', { elementId: p.elementId });
    case 'terminate':
      return ot('terminate', { elementId: p.elementId });
    case 'move':
      return ot('move', { from: p.from, to: p.to });
    case 'variables':
      return ot('setVariables', { names: Object.keys(p.variables).join(', ') });
  }
}

export class TokenEditor {
  private selected: string | undefined;
  private planned: Planned[] = [];
  private detail: InstanceDetail;
  private readonly body = h('div', {});

  constructor(
    readonly host: HTMLElement,
    viewer: NavigatedViewer | undefined,
    detail: InstanceDetail,
    private readonly changed: () => void,
  ) {
    this.detail = detail;
    const migrate = h('button', { type: 'button', class: 'btn', id: 'migrate-instance' }, ot('migrate'));
    migrate.addEventListener('click', () => {
      const { processId, version, instanceId } = this.detail;
      // The page shows the version's diagram: after a migration it loads again on the new one.
      void openMigrationDialog({ processId, version, instanceIds: [instanceId] }, () =>
        location.reload(),
      ).catch((error: unknown) => toast(messageOf(error), 'error'));
    });
    host.append(
      h('div', { class: 'page-head' }, h('h2', {}, ot('tokens')), migrate),
      h('p', { class: 'hint' }, ot('tokensHint')),
      this.body,
    );
    viewer
      ?.get<{ on(e: string, cb: (ev: { element: { id: string; type: string } }) => void): void }>('eventBus')
      .on('element.click', (ev) => {
        if (ev.element.type === 'bpmn:Process' || ev.element.type === 'label') return;
        this.selected = ev.element.id;
        this.render();
      });
    this.render();
  }

  update(detail: InstanceDetail): void {
    this.detail = detail;
    this.render();
  }

  private plan(p: Planned): void {
    this.planned.push(p);
    this.render();
  }

  private render(): void {
    const active = [...new Set(this.detail.activeElements)];
    const id = this.selected;
    const live = this.detail.state === 'ACTIVE';
    const variables = h('textarea', {
      rows: 3,
      'aria-label': ot('variablesJson'),
      placeholder: '{ "amount": 10 }',
    });
    const addVariables = () => {
      try {
        const value: unknown = JSON.parse(variables.value || '{}');
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('{ … }');
        this.plan({ kind: 'variables', variables: value as Record<string, unknown> });
      } catch (error) {
        toast(ot('badJson', { message: (error as Error).message }), 'error');
      }
    };
    replace(
      this.body,
      h('p', { class: 'selected-element' }, id ? ot('selected', { elementId: id }) : ot('nothingSelected')),
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            disabled: !id || !live,
            onclick: () => id && this.plan({ kind: 'activate', elementId: id }),
          },
          ot('addToken'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            disabled: !id || !live || !active.includes(id),
            onclick: () => id && this.plan({ kind: 'terminate', elementId: id }),
          },
          ot('cancelTokens'),
        ),
        active
          .filter((from) => from !== id)
          .map((from) =>
            h(
              'button',
              {
                type: 'button',
                class: 'btn',
                disabled: !id || !live,
                onclick: () => id && this.plan({ kind: 'move', from, to: id }),
              },
              ot('moveHere', { from }),
            ),
          ),
      ),
      h('label', {}, ot('variablesJson'), variables),
      h(
        'button',
        { type: 'button', class: 'btn btn-small', disabled: !live, onclick: addVariables },
        ot('setVariablesButton'),
      ),
      this.planned.length
        ? h(
            'div',
            { class: 'planned', 'aria-label': ot('pending') },
            h('h3', {}, ot('pending')),
            h(
              'ol',
              {},
              this.planned.map((p) => h('li', {}, describe(p))),
            ),
            h(
              'div',
              { class: 'toolbar' },
              h(
                'button',
                { type: 'button', class: 'btn btn-primary', onclick: () => void this.apply() },
                ot('apply'),
              ),
              h(
                'button',
                { type: 'button', class: 'btn', onclick: () => ((this.planned = []), this.render()) },
                ot('discard'),
              ),
            ),
          )
        : null,
    );
  }

  private async apply(): Promise<void> {
    try {
      await operations.modify(this.detail.instanceId, toInstructions(this.planned));
      this.planned = [];
      toast(ot('applied'), 'success');
      this.changed();
    } catch (error) {
      this.body.prepend(errorBox(messageOf(error)));
    }
  }
}
