// Type declarations for the untyped packages the model layer uses. Only the surface we
// call is declared; moddle elements themselves are typed by model/moddle.ts.

declare module 'bpmn-moddle' {
  interface FromXmlWarning {
    message: string;
    element?: { id?: string; $type?: string };
    property?: string;
    value?: unknown;
  }
  interface FromXmlResult {
    rootElement: unknown;
    warnings: FromXmlWarning[];
  }
  class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
  }
  export default BpmnModdle;
}

declare module 'bpmnlint' {
  // The shapes of bpmnlint 11's lib/types.d.ts, which the package does not expose.
  export interface Reporter {
    report(id: string | undefined, message: string): void;
  }
  export type CheckFn = (node: any, reporter: Reporter) => boolean | void;
  export interface RuleDefinition {
    meta?: { documentation?: { url?: string } };
    check: CheckFn | { enter?: CheckFn; leave?: CheckFn };
  }
  export type RuleFactory = (options?: unknown) => RuleDefinition;
  export type RuleSetting = 'off' | 'warn' | 'error' | 'info' | 0 | 1 | 2 | 3;
  export interface LintConfig {
    extends?: string | string[];
    rules?: Record<string, RuleSetting>;
  }
  export interface Resolver {
    resolveRule(pkg: string, ruleName: string): RuleFactory | Promise<RuleFactory>;
    resolveConfig(pkg: string, configName: string): LintConfig | Promise<LintConfig>;
  }
  export interface LintReport {
    id?: string;
    message: string;
    category: 'off' | 'warn' | 'error' | 'info' | 'rule-error';
  }
  export class Linter {
    constructor(options: {
      config?: LintConfig;
      resolver: Resolver;
      transformRule?: (rule: RuleDefinition) => RuleDefinition;
    });
    lint(root: unknown, config?: LintConfig): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from 'bpmnlint';
  const factory: RuleFactory;
  export = factory;
}

declare module 'bpmnlint/config/recommended' {
  import type { LintConfig } from 'bpmnlint';
  const config: LintConfig;
  export = config;
}

declare module 'dmn-moddle' {
  interface DmnFromXmlResult {
    rootElement: unknown;
    warnings: Array<{ message: string; element?: { id?: string; $type?: string } }>;
  }
  interface DmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<DmnFromXmlResult>;
  }
  export function DmnModdle(packages?: Record<string, unknown>): DmnModdleInstance;
}
