/**
 * CR-2: the system proposes the contract class from the data; sales confirms or overrides.
 * Non-regular (非常规合同): a new product, special requirements, or an annual sales contract.
 */
export type ContractClass = 'regular' | 'non-regular';

export interface ClassificationInput {
  documentType: string;
  annual: boolean;
  specialRequirements: unknown[];
  lines: { partNo: string }[];
}

export interface ClassProposal {
  proposedClass: ContractClass;
  newProduct: boolean;
  reasons: string[];
}

export function proposeClass(input: ClassificationInput, knownParts: ReadonlySet<string>): ClassProposal {
  const newParts = [...new Set(input.lines.map((l) => l.partNo).filter((p) => !knownParts.has(p)))];
  const newProduct = newParts.length > 0 || input.documentType === 'development-agreement';
  const reasons: string[] = [];
  if (newParts.length) reasons.push(`new part number: ${newParts.join(', ')}`);
  if (input.documentType === 'development-agreement') reasons.push('new-product development agreement');
  if (input.specialRequirements.length)
    reasons.push(`${input.specialRequirements.length} special requirement(s)`);
  if (input.annual) reasons.push('annual sales contract');
  return {
    proposedClass: reasons.length ? 'non-regular' : 'regular',
    newProduct,
    reasons: reasons.length ? reasons : ['regular product, no special requirements'],
  };
}

export interface ClassificationDecision {
  contractClass?: string;
  overrideReason?: string;
  reviewers?: string[];
  reviewMode?: string;
}

/** What is missing from sales' decision, or an empty list (CR-2 override reason, CR-3 reviewers, CR-7.2 mode). */
export function classificationProblems(proposed: ContractClass, decision: ClassificationDecision): string[] {
  const problems: string[] = [];
  if (decision.contractClass !== 'regular' && decision.contractClass !== 'non-regular')
    problems.push('choose the contract class');
  else if (decision.contractClass !== proposed && !decision.overrideReason?.trim())
    problems.push(`give the reason for overriding the proposed class ${proposed}`);
  if (decision.contractClass === 'non-regular') {
    if (!decision.reviewers?.length) problems.push('choose the reviewing departments');
    if (decision.reviewMode !== 'cross' && decision.reviewMode !== 'meeting')
      problems.push('choose cross review or meeting review');
  }
  return problems;
}
