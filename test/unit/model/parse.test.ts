import { analyseBpmn } from '../../../model/deploy-model';
import { MAX_BPMN_BYTES, parseBpmn } from '../../../model/parse';
import { fixture } from './fixtures';

const rulesOf = async (xml: string) => (await analyseBpmn(xml)).errors.map((e) => e.rule);

describe('parseBpmn: hostile and malformed input', () => {
  it('rejects a DOCTYPE before parsing (XXE)', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">&x;</bpmn:definitions>`;

    const parsed = await parseBpmn(xxe);

    expect(parsed.definitions).toBeNull();
    expect(parsed.errors).toEqual([
      { elementId: null, rule: 'xml-doctype', message: expect.stringContaining('DOCTYPE') },
    ]);
  });

  it('rejects entity expansion (billion laughs)', async () => {
    const lol = '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">';

    expect(await rulesOf(`<?xml version="1.0"?>\n${lol}<bpmn:definitions/>`)).toEqual(['xml-doctype']);
  });

  it('rejects documents over MAX_BPMN_BYTES, counted in UTF-8 bytes', async () => {
    const valid = fixture('Deployment.without-di');
    // 3-byte characters: under the limit in UTF-16 units, over it in bytes.
    const padding = `<!-- ${'中'.repeat(Math.ceil(MAX_BPMN_BYTES / 3))} -->`;

    expect(MAX_BPMN_BYTES).toBe(2 * 1024 * 1024);
    expect(await rulesOf(valid.replace('</bpmn:definitions>', `${padding}</bpmn:definitions>`))).toEqual([
      'document-size',
    ]);
    expect(await rulesOf(valid + ' '.repeat(MAX_BPMN_BYTES))).toEqual(['document-size']);
  });

  it.each([
    ['empty string', '', 'document-empty'],
    ['whitespace', '  \n ', 'document-empty'],
    ['plain text', 'hello', 'xml-syntax'],
    ['JSON', '{"xml": "<bpmn/>"}', 'xml-syntax'],
    [
      'truncated XML',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">',
      'xml-syntax',
    ],
    ['XML that is not BPMN', '<html><body/></html>', 'xml-syntax'],
  ])('rejects %s with a clear problem', async (_case, xml, rule) => {
    const { errors, graphs } = await analyseBpmn(xml);

    expect(graphs).toEqual([]);
    expect(errors).toEqual([{ elementId: null, rule, message: expect.any(String) }]);
    expect(errors[0].message.length).toBeGreaterThan(10);
  });

  it('turns moddle warnings that break the model into errors with element ids', async () => {
    const xml = fixture('Deployment.without-di')
      .replace('targetRef="Work"', 'targetRef="Missing"')
      .replace('<bpmn:endEvent id="End">', '<bpmn:endEvent id="Work">');

    const { errors } = await parseBpmn(xml);

    expect(errors).toEqual(
      expect.arrayContaining([
        {
          elementId: 'Flow_Start_Work',
          rule: 'bpmn-schema',
          message: expect.stringContaining('unresolved reference <Missing>'),
        },
        { elementId: 'Work', rule: 'bpmn-schema', message: expect.stringContaining('duplicate ID <Work>') },
      ]),
    );
  });

  it('keeps the declared-encoding notice as a warning only', async () => {
    const latin1 = fixture('Deployment.without-di').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');

    const { errors, warnings, graphs } = await analyseBpmn(latin1);

    expect(errors).toEqual([]);
    expect(graphs).toHaveLength(1);
    expect(warnings).toContainEqual(
      expect.objectContaining({ rule: 'bpmn-schema', message: expect.stringContaining('encoding') }),
    );
  });
});
