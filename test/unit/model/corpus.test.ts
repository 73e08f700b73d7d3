import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBpmn } from '../../../model/deploy-model';

// Public diagrams written by others, copied with their source and licence (see its README.md).
const CORPUS = join(__dirname, '..', '..', 'fixtures', 'corpus');
const filesIn = (folder: string) =>
  readdirSync(join(CORPUS, folder))
    .filter((file) => file.endsWith('.bpmn'))
    .map((file) => [file, readFileSync(join(CORPUS, folder, file), 'utf8')] as const);

describe('corpus: camunda-8-js-sdk (executable Camunda 8 processes)', () => {
  it.each(filesIn('camunda-8-js-sdk'))('%s compiles without errors', async (_file, xml) => {
    const { errors, graphs } = await analyseBpmn(xml);

    expect(errors).toEqual([]);
    expect(graphs.length).toBeGreaterThan(0);
  });
});

describe('corpus: bpmn-miwg (rich, non-executable models)', () => {
  it.each(filesIn('bpmn-miwg'))('%s compiles or is rejected with element ids', async (_file, xml) => {
    const { errors, graphs } = await analyseBpmn(xml);

    if (errors.length > 0) {
      expect(graphs).toEqual([]);
      for (const error of errors) {
        expect(error.elementId).toEqual(expect.any(String));
        expect(error.message).not.toBe('');
      }
    } else {
      expect(graphs.length).toBeGreaterThan(0);
    }
  });
});
