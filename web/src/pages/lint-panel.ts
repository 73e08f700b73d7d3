/**
 * The live lint findings as a list beside the canvas (the overlays' keyboard-friendly
 * twin): each entry selects its element, which opens it in the properties panel.
 */
import { h, replace } from '../ui/dom';
import { t } from '../i18n';

interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

export class LintPanel {
  readonly element = h('section', { class: 'side-section lint-panel', 'aria-label': t('modeler.lintLabel') });
  private modeler: any;

  attach(modeler: any): void {
    this.modeler = modeler;
    modeler.on('linting.completed', ({ issues }: { issues: Record<string, LintIssue[]> }) =>
      this.render(issues),
    );
  }

  /** Selects the element (the properties panel shows it) and brings it into view, at 100 % when `zoom`. */
  select(elementId: string, zoom = false): void {
    const element = this.modeler.get('elementRegistry').get(elementId);
    if (!element) return;
    const canvas = this.modeler.get('canvas');
    if (zoom) {
      // Centre it at 100 %: the palette covers the canvas's left edge.
      canvas.zoom(1);
      const box = canvas.viewbox();
      canvas.viewbox({
        x: element.x + (element.width ?? 0) / 2 - box.width / 2,
        y: element.y + (element.height ?? 0) / 2 - box.height / 2,
        width: box.width,
        height: box.height,
      });
    } else {
      canvas.scrollToElement(element);
    }
    this.modeler.get('selection').select(element);
  }

  private render(issues: Record<string, LintIssue[]>): void {
    const all = Object.values(issues).flat();
    const errors = all.filter((i) => i.category === 'error' || i.category === 'rule-error');
    const warnings = all.filter((i) => i.category === 'warn');
    const summary = h(
      'h2',
      { class: errors.length ? 'lint-summary has-errors' : 'lint-summary', id: 'lint-summary' },
      errors.length || warnings.length
        ? t('modeler.lintCounts', { errors: errors.length, warnings: warnings.length })
        : t('modeler.lintNone'),
    );
    const entry = (issue: LintIssue) =>
      h(
        'li',
        {
          class: `lint-${issue.category === 'warn' ? 'warning' : 'error'}`,
          'data-element-id': issue.id,
          'data-rule': issue.rule,
        },
        h('button', { type: 'button', class: 'btn-link', onclick: () => this.select(issue.id) }, issue.id),
        ` ${issue.message} `,
        h('span', { class: 'hint' }, `(${issue.rule})`),
      );
    replace(
      this.element,
      summary,
      errors.length || warnings.length
        ? h('ul', { class: 'lint-list' }, [...errors, ...warnings].map(entry))
        : null,
    );
  }
}
