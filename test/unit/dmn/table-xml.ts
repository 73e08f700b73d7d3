/** Builds DMN XML for one decision table, so each hit-policy test reads as its table. */
export interface TableSpec {
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  outputs: { name: string; values?: string; default?: string }[];
  rules: { in: string[]; out: string[] }[];
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function tableXml(spec: TableSpec, decisionId = 'decision'): string {
  const policy = spec.hitPolicy ? ` hitPolicy="${spec.hitPolicy}"` : '';
  const aggregation = spec.aggregation ? ` aggregation="${spec.aggregation}"` : '';
  const inputs = spec.inputs
    .map(
      (e, i) =>
        `<input id="in${i}"><inputExpression id="ie${i}"><text>${esc(e)}</text></inputExpression></input>`,
    )
    .join('');
  const outputs = spec.outputs
    .map(
      (o, i) =>
        `<output id="out${i}" name="${o.name}">` +
        (o.values ? `<outputValues id="ov${i}"><text>${esc(o.values)}</text></outputValues>` : '') +
        (o.default
          ? `<defaultOutputEntry id="do${i}"><text>${esc(o.default)}</text></defaultOutputEntry>`
          : '') +
        `</output>`,
    )
    .join('');
  const rules = spec.rules
    .map(
      (r, i) =>
        `<rule id="r${i + 1}">` +
        r.in.map((t, j) => `<inputEntry id="r${i + 1}i${j}"><text>${esc(t)}</text></inputEntry>`).join('') +
        r.out
          .map((t, j) => `<outputEntry id="r${i + 1}o${j}"><text>${esc(t)}</text></outputEntry>`)
          .join('') +
        `</rule>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="Test" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${decisionId}" name="Test decision">
    <decisionTable id="table"${policy}${aggregation}>${inputs}${outputs}${rules}</decisionTable>
  </decision>
</definitions>`;
}
