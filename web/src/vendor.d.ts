// The bpmn.io add-ons ship no type declarations: only what the UI calls is declared.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const ZeebePropertiesProviderModule: unknown;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: unknown;
  export default module;
}
declare module 'bpmn-js-bpmnlint' {
  const module: unknown;
  export default module;
}
declare module 'bpmn-js-differ' {
  export interface Changes {
    _added: Record<string, any>;
    _removed: Record<string, any>;
    _changed: Record<string, { model: any; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, any>;
  }
  export function diff(a: unknown, b: unknown): Changes;
}
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
declare module 'bpmn-js-i18n/translations/zn' {
  const translations: Record<string, string>;
  export default translations;
}
declare module 'dmn-js/lib/Modeler' {
  interface DmnView {
    type: 'drd' | 'decisionTable' | 'literalExpression' | string;
    element: { id: string };
  }
  interface DmnViewer {
    get<T>(service: string): T;
  }
  export default class DmnModeler {
    constructor(options: { container: HTMLElement; common?: Record<string, unknown> });
    importXML(xml: string): Promise<{ warnings: unknown[] }>;
    saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
    getViews(): DmnView[];
    open(view: DmnView): Promise<unknown>;
    getActiveViewer(): DmnViewer | undefined;
    on(event: string, callback: () => void): void;
    destroy(): void;
  }
}
