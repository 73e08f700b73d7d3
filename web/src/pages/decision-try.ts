/** The result of trying a decision: the value, then per evaluated decision the rules that matched. */
import type { DecisionEvaluation } from '../api/types';
import { h, replace } from '../ui/dom';
import { t } from '../i18n';

export function renderEvaluation(target: HTMLElement, evaluation: DecisionEvaluation): void {
  replace(
    target,
    h(
      'p',
      {},
      t('decisionEditor.result', { version: evaluation.version }),
      h('code', { id: 'try-value' }, JSON.stringify(evaluation.result)),
    ),
    h(
      'ul',
      { class: 'evaluated-decisions' },
      evaluation.evaluatedDecisions.map((d) =>
        h(
          'li',
          { 'data-decision-id': d.decisionId },
          h('strong', {}, d.decisionName ?? d.decisionId),
          ` → ${JSON.stringify(d.result)}`,
          d.matchedRules.length
            ? h(
                'ul',
                {},
                d.matchedRules.map((r) =>
                  h(
                    'li',
                    { class: 'matched-rule', 'data-rule-id': r.ruleId },
                    t('decisionEditor.rule', {
                      index: r.ruleIndex,
                      ruleId: r.ruleId,
                      outputs: JSON.stringify(r.outputs),
                    }),
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
  );
}
