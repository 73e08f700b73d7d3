/**
 * docs/zeebe-validation.md against the lint configuration: every rule the table names has
 * the severity the table gives it, every configured rule appears in the table, and models
 * Zeebe accepts deploy with warnings only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import recommended from 'bpmnlint/config/recommended';
import { analyseBpmn } from '../../../model/deploy-model';
import { lintConfig } from '../../../model/lint/config';
import { engineRules } from '../../../model/lint/engine-rules';
import { fixture } from './fixtures';

function effectiveSeverities(): Map<string, string> {
  const severities = new Map<string, string>();
  for (const [rule, level] of Object.entries(recommended.rules ?? {})) severities.set(rule, String(level));
  for (const rule of Object.keys(engineRules)) severities.set(`engine/${rule}`, 'error');
  for (const [rule, level] of Object.entries(lintConfig.rules ?? {})) severities.set(rule, String(level));
  return severities;
}

function documentedSeverities(): Map<string, string> {
  const doc = readFileSync(join(__dirname, '../../../docs/zeebe-validation.md'), 'utf8');
  const documented = new Map<string, string>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !/^(error|warn)$/.test(cells[3])) continue;
    for (const rule of cells[2].matchAll(/`([^`]+)`/g)) documented.set(rule[1], cells[3]);
  }
  return documented;
}

describe('docs/zeebe-validation.md', () => {
  it('gives every rule the severity the configuration gives it', () => {
    const effective = effectiveSeverities();
    for (const [rule, severity] of documentedSeverities())
      expect([rule, effective.get(rule)]).toEqual([rule, severity]);
  });

  it('lists every rule that is on', () => {
    const documented = documentedSeverities();
    const on = [...effectiveSeverities()].filter(([, level]) => level !== 'off').map(([rule]) => rule);
    expect(on.filter((rule) => !documented.has(rule))).toEqual([]);
  });
});

describe('what Zeebe accepts deploys, what it rejects does not', () => {
  it('a generated model without <incoming>/<outgoing>, DI, labels or end events deploys with warnings', async () => {
    const { errors, warnings, graphs } = await analyseBpmn(fixture('Validation.zeebe-accepts'));
    expect(errors).toEqual([]);
    expect(graphs).toHaveLength(1);
    const rules = new Set(warnings.map((w) => w.rule));
    expect(rules).toContain('no-implicit-end');
    expect(rules).toContain('end-event-required');
    expect(rules).not.toContain('no-disconnected');
  });

  it('a default flow that does not leave its gateway is rejected, naming the gateway', async () => {
    const { errors } = await analyseBpmn(fixture('DefaultFlow.invalid'));
    expect(errors).toEqual([expect.objectContaining({ elementId: 'Check', rule: 'engine/default-flow' })]);
    expect((await analyseBpmn(fixture('DefaultFlow.valid'))).errors).toEqual([]);
  });
});
