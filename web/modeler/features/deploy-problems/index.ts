import DeployProblems from './deploy-problems';

export type { ModelProblem } from './deploy-problems';
export { DeployProblems };

export default {
  __init__: ['deployProblems'],
  deployProblems: ['type', DeployProblems],
};
