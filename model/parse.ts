/**
 * BPMN XML → moddle object tree, with hostile and broken input rejected as problems.
 *
 * The checks before parsing matter because the XML comes from users over HTTP: a DOCTYPE
 * is the door to XXE and entity expansion ("billion laughs"), and BPMN never needs one.
 */
import BpmnModdle from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { BpmnElement } from './moddle';
import { problem, type ModelProblem } from './problem';

export type { ModelProblem } from './problem';

/** Largest accepted document, in UTF-8 bytes. Real diagrams are a few hundred KiB at most. */
export const MAX_BPMN_BYTES = 2 * 1024 * 1024;

export interface ParsedDefinitions {
  /** The bpmn:Definitions root; null when the document could not be read at all. */
  definitions: BpmnElement | null;
  /** Non-empty means the model is unusable: do not lint or compile it. */
  errors: ModelProblem[];
  warnings: ModelProblem[];
}

export async function parseBpmn(xml: string): Promise<ParsedDefinitions> {
  const rejected = checkDocument(xml);
  if (rejected) return { definitions: null, errors: [rejected], warnings: [] };

  try {
    const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    const result: ParsedDefinitions = { definitions: rootElement as BpmnElement, errors: [], warnings: [] };
    for (const warning of warnings) {
      (isHarmless(warning) ? result.warnings : result.errors).push(toProblem(warning));
    }
    return result;
  } catch (error) {
    // moddle rejects documents that are not well-formed XML or whose root is not bpmn:definitions.
    return {
      definitions: null,
      errors: [problem(null, 'xml-syntax', `Not a readable BPMN document: ${oneLine(error)}`)],
      warnings: [],
    };
  }
}

function checkDocument(xml: unknown): ModelProblem | undefined {
  if (typeof xml !== 'string' || xml.trim() === '') {
    return problem(null, 'document-empty', 'The BPMN document is empty.');
  }
  if (utf8Length(xml) > MAX_BPMN_BYTES) {
    return problem(null, 'document-size', `The BPMN document is larger than ${MAX_BPMN_BYTES} bytes.`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return problem(null, 'xml-doctype', 'DOCTYPE and ENTITY declarations are not allowed in BPMN documents.');
  }
  if (
    !xml
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  ) {
    return problem(null, 'xml-syntax', 'The document is not XML.');
  }
  return undefined;
}

/** UTF-8 size without allocating the encoded copy (no Buffer: this runs in browsers too). */
function utf8Length(text: string): number {
  if (text.length > MAX_BPMN_BYTES) return text.length; // each UTF-16 unit is at least one byte
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // surrogate pair: one 4-byte sequence for two units
      i++;
    } else bytes += 3;
  }
  return bytes;
}

type ModdleWarning = { message: string; element?: { id?: string; $type?: string } };

/**
 * Most moddle warnings mean the tree lost something: an unknown BPMN element was dropped,
 * an id is duplicated, a reference dangles. Those make the model unusable. What is left
 * harmless: the declared encoding (we already hold decoded text) and dangling DI references,
 * which only affect drawing.
 */
function isHarmless(warning: ModdleWarning): boolean {
  if (warning.message.startsWith('unsupported document encoding')) return true;
  return (
    warning.message.startsWith('unresolved reference') && (warning.element?.$type ?? '').startsWith('bpmndi:')
  );
}

function toProblem(warning: ModdleWarning): ModelProblem {
  const duplicate = /duplicate ID <([^>]+)>/.exec(warning.message);
  const elementId = warning.element?.id ?? duplicate?.[1] ?? null;
  return problem(elementId, 'bpmn-schema', warning.message.replace(/\s+/g, ' ').trim());
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim();
}
