/** A read-only, navigable diagram with instance overlays (instance view, heatmap). */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import TokenOverlaysModule from './features/token-overlays';
import { withLayout } from './layout';
import { TranslateModule } from './translate';

export async function createViewer(container: HTMLElement, xml: string): Promise<NavigatedViewer> {
  const viewer = new NavigatedViewer({
    container,
    additionalModules: [TranslateModule, TokenOverlaysModule],
    moddleExtensions: { zeebe: zeebeModdle },
  });
  await viewer.importXML(await withLayout(xml));
  (viewer.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
  return viewer;
}
