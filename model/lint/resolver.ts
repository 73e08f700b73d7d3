/**
 * A static bpmnlint resolver: every rule and config comes from an object map built at
 * import time, so linting works without Node `require` lookups (in the browser modeler
 * and in bundles alike).
 */
import type { LintConfig, Resolver, RuleFactory } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended';
import { bpmnlintRules } from './bpmnlint-rules';
import { ENGINE_PLUGIN } from './engine-rule';
import { engineRules } from './engine-rules';

const rules = new Map<string, RuleFactory>([
  ...Object.entries(bpmnlintRules).map(([name, rule]) => [`bpmnlint/${name}`, rule] as const),
  ...Object.entries(engineRules).map(([name, rule]) => [`${ENGINE_PLUGIN}/${name}`, rule] as const),
]);

const engineRecommended: LintConfig = {
  rules: Object.fromEntries(Object.keys(engineRules).map((name) => [name, 'error'])),
};

const configs = new Map<string, LintConfig>([
  ['bpmnlint/recommended', recommended],
  [`${ENGINE_PLUGIN}/recommended`, engineRecommended],
]);

export const staticResolver: Resolver = {
  resolveRule(pkg, ruleName) {
    const rule = rules.get(`${pkg}/${ruleName}`);
    if (!rule) throw new Error(`unknown rule <${pkg}/${ruleName}>`);
    return rule;
  },
  resolveConfig(pkg, configName) {
    const config = configs.get(`${pkg}/${configName}`);
    if (!config) throw new Error(`unknown config <${pkg}/${configName}>`);
    return config;
  },
};
