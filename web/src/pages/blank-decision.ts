/** A new decision: one decision table (hit policy UNIQUE) with one input and one output, as Camunda Modeler starts. */
export function blankDecision(decisionId: string): string {
  const id = decisionId.replace(/[^\w.-]/g, '_');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="${id}_drg" name="${id}" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${id}" name="${id}">
    <decisionTable id="${id}_table">
      <input id="${id}_input1" label="Input">
        <inputExpression id="${id}_inputExpression1" typeRef="string"><text></text></inputExpression>
      </input>
      <output id="${id}_output1" label="Output" name="output" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="${id}_diagram">
      <dmndi:DMNShape id="${id}_shape" dmnElementRef="${id}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>`;
}
