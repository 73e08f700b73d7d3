/**
 * CR-5/CR-6: the non-regular review checklist a–i and which departments answer which items.
 * Keep in step with the department review form (diagrams/contract-review/cr-department-review.form).
 */
export const CHECKLIST_ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const ITEM_DEPARTMENTS: Record<ChecklistItem, string[]> = {
  a: ['procurement', 'production', 'pmc'],
  b: ['finance', 'sales'],
  c: ['rnd', 'quality'],
  d: ['sales', 'pmc'],
  e: ['production', 'pmc'],
  f: ['sales', 'pmc'],
  g: ['rnd', 'production'],
  h: ['rnd'],
  i: ['sales', 'quality', 'finance'],
};

export const VERDICTS = ['accept', 'accept-with-measures', 'reject'] as const;
export type Verdict = (typeof VERDICTS)[number];
const ITEM_VERDICTS = [...VERDICTS, 'not-applicable'];

export function itemsOf(department: string): ChecklistItem[] {
  return CHECKLIST_ITEMS.filter((item) => ITEM_DEPARTMENTS[item].includes(department));
}

export interface MeasureInput {
  description?: string;
  department?: string;
  owner?: string;
  dueDate?: string;
}

export interface DepartmentReviewInput {
  department: string;
  verdict?: string;
  comments?: string | null;
  measures?: MeasureInput[] | null;
  [item: string]: unknown;
}

/** Why a department's review cannot be recorded yet (empty when complete). */
export function reviewProblems(review: DepartmentReviewInput): string[] {
  const problems: string[] = [];
  for (const item of itemsOf(review.department)) {
    if (!ITEM_VERDICTS.includes(String(review[item])))
      problems.push(`checklist item ${item}) needs a verdict`);
  }
  if (!VERDICTS.includes(review.verdict as Verdict))
    problems.push('verdict must be accept, accept-with-measures or reject');
  const measures = usableMeasures(review.measures);
  if (review.verdict === 'accept-with-measures' && measures.length === 0)
    problems.push('accept with measures needs at least one measure with owner and due date');
  for (const m of review.measures ?? []) {
    if (m?.description && (!m.owner || !m.dueDate || !m.department))
      problems.push(`measure '${m.description}' needs an owner department, owner and due date`);
  }
  return problems;
}

export function usableMeasures(measures: MeasureInput[] | null | undefined): Required<MeasureInput>[] {
  return (measures ?? []).filter(
    (m): m is Required<MeasureInput> => !!(m?.description && m.department && m.owner && m.dueDate),
  );
}

export type ReviewOutcome = 'accepted' | 'measures' | 'rejected';

/** Any rejection → negotiate (CR-8); any open measure → carry them out first (CR-7.3); else accepted. */
export function reviewOutcome(verdicts: string[], openMeasures: number): ReviewOutcome {
  if (verdicts.includes('reject')) return 'rejected';
  if (openMeasures > 0 || verdicts.includes('accept-with-measures')) return 'measures';
  return 'accepted';
}
