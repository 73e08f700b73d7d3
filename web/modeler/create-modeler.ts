/**
 * The process owner's modeler: bpmn-js with the properties panel and the Zeebe properties
 * provider (task types, candidate groups, forms, timers, conditions, io mappings,
 * multi-instance), Camunda 8 modelling behaviours, live lint with the server's rules,
 * deploy problems and version diff.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import DeployProblemsModule from './features/deploy-problems';
import LintModule, { lintingConfig } from './features/lint';
import VersionDiffModule from './features/version-diff';
import { TranslateModule } from './translate';

export function createModeler(container: HTMLElement, propertiesParent: HTMLElement): BpmnModeler {
  return new BpmnModeler({
    container,
    propertiesPanel: { parent: propertiesParent },
    additionalModules: [
      TranslateModule,
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      ZeebeBehaviorsModule,
      LintModule,
      DeployProblemsModule,
      VersionDiffModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
    linting: lintingConfig(true),
  } as ConstructorParameters<typeof BpmnModeler>[0]);
}
