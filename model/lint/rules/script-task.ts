/**
 * Script tasks run as FEEL inside the engine (`zeebe:script`): they need the expression
 * and a result variable. Job-worker scripts (a task definition instead) are not supported:
 * model those as service tasks.
 */
import { extension, is, isExpression } from '../../moddle';
import { ZEEBE, type Script } from '../../zeebe';
import { engineRule } from '../engine-rule';

export default engineRule('script-task', (element, report) => {
  if (!is(element, 'bpmn:ScriptTask')) return;
  const script = extension<Script>(element, ZEEBE.script);
  if (!script) {
    report(element.id, 'Missing zeebe:script: a script task needs a FEEL expression and a result variable.');
    return;
  }
  if (!isExpression(script.expression)) {
    report(element.id, 'The script must be a FEEL expression starting with "=".');
  }
  if (!script.resultVariable?.trim()) {
    report(element.id, 'Missing result variable for the script.');
  }
});
