/**
 * Diagrams deployed by services may come without DI (the server accepts them with a
 * warning); lay them out before showing them.
 */
export async function withLayout(xml: string): Promise<string> {
  if (/<(\w+:)?BPMNShape\b/.test(xml)) return xml;
  const { layoutProcess } = await import('bpmn-auto-layout');
  return layoutProcess(xml);
}
