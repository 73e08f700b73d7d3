/**
 * DMN XML → dmn-moddle object tree (with zeebe:versionTag), hostile input rejected as
 * problems, as model/parse.ts does for BPMN.
 */
import { DmnModdle } from 'dmn-moddle';
import zeebeDescriptor from 'zeebe-dmn-moddle/resources/zeebe.json';
import { problem, type ModelProblem } from '../problem';
import type { DmnElement } from './dmn-element';

/** Largest accepted document in characters; decision tables are a few KiB. */
export const MAX_DMN_CHARS = 1024 * 1024;

export interface ParsedDmn {
  definitions: DmnElement | null;
  errors: ModelProblem[];
}

export async function parseDmn(xml: unknown): Promise<ParsedDmn> {
  const rejected = checkDocument(xml);
  if (rejected) return { definitions: null, errors: [rejected] };
  try {
    const moddle = DmnModdle({ zeebe: zeebeDescriptor });
    const { rootElement, warnings } = await moddle.fromXML(xml as string, 'dmn:Definitions');
    const errors = warnings
      .filter((w) => !w.message.startsWith('unsupported document encoding'))
      .map((w) => problem(w.element?.id, 'dmn-schema', w.message.replace(/\s+/g, ' ').trim()));
    return { definitions: rootElement as DmnElement, errors };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    return {
      definitions: null,
      errors: [problem(null, 'xml-syntax', `Not a readable DMN document: ${message}`)],
    };
  }
}

function checkDocument(xml: unknown): ModelProblem | undefined {
  if (typeof xml !== 'string' || xml.trim() === '')
    return problem(null, 'document-empty', 'The DMN document is empty.');
  if (xml.length > MAX_DMN_CHARS)
    return problem(null, 'document-size', `The DMN document is larger than ${MAX_DMN_CHARS} characters.`);
  // A DOCTYPE is the door to XXE and entity expansion; DMN never needs one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    return problem(null, 'xml-doctype', 'DOCTYPE and ENTITY declarations are not allowed in DMN documents.');
  if (
    !xml
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  )
    return problem(null, 'xml-syntax', 'The document is not XML.');
  return undefined;
}
