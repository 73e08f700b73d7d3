/**
 * The properties panel (Preact) subscribes to `selection.changed` in an effect that runs a frame
 * after its first render, and that render happens inside `importXML`. A selection made right
 * after the import (a shared `?element=` link) is therefore unseen: the element is selected on
 * the canvas while the panel keeps showing the diagram's root (the collaboration, for a pool).
 * This selects, and selects again after the next frame until the panel has taken it (the panel
 * fires `propertiesPanel.updated` synchronously when it does).
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';

type Bus = { on(event: string, fn: () => void): void; off(event: string, fn: () => void): void };

const MAX_TRIES = 20;

export async function selectInPanel(modeler: BpmnModeler, select: () => void): Promise<void> {
  const bus = modeler.get<Bus>('eventBus');
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    let taken = false;
    const onUpdated = () => {
      taken = true;
    };
    bus.on('propertiesPanel.updated', onUpdated);
    select();
    bus.off('propertiesPanel.updated', onUpdated);
    if (taken) return;
    await afterNextFrame();
  }
}

/** After the next frame's callbacks and the timers they set (Preact's effects), or 120 ms in a hidden tab. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 120);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}
