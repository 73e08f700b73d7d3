/**
 * The process pack deploys: every shipped diagram passes the model layer (parse, lint,
 * compile) with zero errors, and carries DI so the modeler renders it as drawn.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBpmn } from '../../../model/deploy-model';

const DIAGRAMS = join(__dirname, '..', '..', '..', 'diagrams', 'contract-review');
const files = readdirSync(DIAGRAMS)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();

describe('process pack diagrams', () => {
  it('ships the four procedure diagrams', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'contract-review.bpmn',
        'late-order.bpmn',
        'csr-change.bpmn',
        'csr-annual-check.bpmn',
      ]),
    );
  });

  it.each(files)('%s deploys with zero errors and full DI', async (file) => {
    const xml = readFileSync(join(DIAGRAMS, file), 'utf8');
    const analysis = await analyseBpmn(xml);
    expect(analysis.errors).toEqual([]);
    expect(analysis.warnings).toEqual([]);
    expect(analysis.graphs).toHaveLength(1);
    expect(analysis.graphs[0].processId).toBe(file.replace(/\.bpmn$/, ''));
    // every flow node and flow is drawn (in the main plane or its subprocess's plane)
    const drawn = new Set([...xml.matchAll(/bpmnElement="([^"]+)"/g)].map((m) => m[1]));
    const graph = analysis.graphs[0];
    for (const id of [...Object.keys(graph.nodes), ...Object.keys(graph.flows)])
      expect(drawn.has(id) ? id : `${id} (no DI)`).toBe(id);
  });
});
