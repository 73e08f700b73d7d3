/**
 * Business rule tasks with binding `deployment` evaluate the decision version that is the
 * latest when their process is deployed; it is pinned into the graph here. A decision that
 * is not deployed yet is a deploy error (Zeebe requires it in the same deployment).
 */
import type { DataSource } from 'typeorm';
import { findDecision } from '../../activities/decisions/decision-store';
import type { ProcessGraph } from '../../model/process-graph';
import { problem, type ModelProblem } from '../../model/problem';

export async function pinDecisionBindings(
  dataSource: DataSource,
  graphs: ProcessGraph[],
): Promise<ModelProblem[]> {
  const problems: ModelProblem[] = [];
  for (const graph of graphs) {
    for (const node of Object.values(graph.nodes)) {
      if (node.kind !== 'businessRuleTask' || node.calledDecision?.binding !== 'deployment') continue;
      const { decisionId } = node.calledDecision;
      if (decisionId.startsWith('=')) {
        problems.push(
          problem(node.id, 'called-decision', 'Binding type deployment needs a static decision id.'),
        );
        continue;
      }
      const latest = await findDecision(dataSource, decisionId, { binding: 'latest' });
      if (!latest) {
        problems.push(
          problem(
            node.id,
            'called-decision',
            `Decision "${decisionId}" is not deployed: deploy it before this process.`,
          ),
        );
        continue;
      }
      node.calledDecision.deployedVersion = latest.version;
    }
  }
  return problems;
}
