/** CR-4 availability, CR-5/CR-6 department reviews, CR-7 special characteristics, CSR feasibility, measures, costing and feasibility. */
import { In, Not } from 'typeorm';
import {
  ContractLineEntity,
  CsrRequirementEntity,
  CustomerEntity,
  MeasureEntity,
  PartEntity,
  ReviewEntity,
} from '../../persistence/entities/contract-review';
import { checkAvailability } from './domain/availability';
import {
  CHECKLIST_ITEMS,
  type DepartmentReviewInput,
  reviewOutcome,
  reviewProblems,
  usableMeasures,
  type Verdict,
  VERDICTS,
} from './domain/checklist';
import { committedLoad } from './records/execution';
import { addMilestone, loadContract, updateContract } from './contract-store';
import {
  badInput,
  bpmnError,
  type ContractReviewDeps,
  type JobHandler,
  nowIso,
  optStr,
  str,
  today,
} from './support';

export function createReviewActivities(deps: ContractReviewDeps): Record<string, JobHandler> {
  const { dataSource } = deps;
  return {
    'cr-check-availability': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contractNo = str(variables, 'contractNo');
        const lines = await em.find(ContractLineEntity, { where: { contractNo }, order: { lineNo: 'ASC' } });
        const partNos = [...new Set(lines.map((l) => l.partNo))];
        const parts = new Map(
          (await em.find(PartEntity, { where: { partNo: In(partNos) } })).map((p) => [p.partNo, p]),
        );
        const load = await committedLoad(em, partNos, contractNo);
        const availability = checkAvailability(
          lines.map((l) => ({
            lineNo: l.lineNo,
            partNo: l.partNo,
            quantity: l.quantity,
            requestedDate: l.committedDate,
          })),
          parts,
          load,
          today(deps),
        );
        const contract = await loadContract(em, contractNo);
        await addMilestone(em, contract, 'availability', { ...availability }, nowIso());
        return { availability };
      }),

    'cr-record-review': async ({ variables, jobKey, headers }) => {
      const review = (variables.review ?? {}) as DepartmentReviewInput;
      const department = review.department ?? str(variables, 'department');
      const problems = reviewProblems({ ...review, department });
      if (problems.length)
        throw bpmnError('CHECKLIST_INCOMPLETE', problems.join('; '), {
          checklistProblem: problems.join('; '),
        });
      return dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        await saveReview(
          em,
          jobKey,
          contract.contractNo,
          contract.revision,
          department,
          headers.mode ?? 'cross',
          review,
        );
      });
    },

    'cr-record-meeting-review': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const departments = Object.keys(variables)
          .filter((k) => k.startsWith('verdict_') && VERDICTS.includes(variables[k] as Verdict))
          .map((k) => k.slice('verdict_'.length));
        if (!departments.length) throw badInput('the meeting review records no department verdict');
        const shared = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, variables[item]]));
        for (const department of departments) {
          const measures = usableMeasures(variables.measures as DepartmentReviewInput['measures']).filter(
            (m) => m.department === department,
          );
          await saveReview(
            em,
            `${jobKey}/${department}`,
            contract.contractNo,
            contract.revision,
            department,
            'meeting',
            {
              ...shared,
              department,
              verdict: String(variables[`verdict_${department}`]),
              comments: optStr(variables, 'minutes'),
              measures,
            },
          );
        }
      }),

    'cr-evaluate-reviews': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const reviews = await em.find(ReviewEntity, {
          where: { contractNo: contract.contractNo, revision: contract.revision },
        });
        const open = await em.find(MeasureEntity, {
          where: { contractNo: contract.contractNo, revision: contract.revision, status: 'open' },
          order: { id: 'ASC' },
        });
        const outcome = reviewOutcome(
          reviews.map((r) => r.verdict),
          open.length,
        );
        const rejected = reviews.filter((r) => r.verdict === 'reject');
        if (outcome === 'rejected')
          await updateContract(em, contract.contractNo, { status: 'negotiation' }, nowIso());
        return {
          reviewOutcome: outcome,
          openMeasures: open.map((m) => ({
            id: m.id,
            description: m.description,
            department: m.department,
            owner: m.owner,
            dueDate: m.dueDate,
          })),
          negotiationTopic: rejected.length
            ? `Cannot be met: ${rejected.map((r) => `${r.department}${r.comments ? ` (${r.comments})` : ''}`).join(', ')}`
            : null,
        };
      }),

    'cr-complete-measure': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const measure = variables.measure as { id?: string } | undefined;
        if (!measure?.id) throw badInput('variable measure.id is missing');
        await em.update(
          MeasureEntity,
          { id: measure.id, status: 'open' },
          { status: 'done', evidence: optStr(variables, 'measureEvidence'), completedAt: nowIso() },
        );
      }),

    'cr-record-special-characteristics': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const customer = await em.findOneBy(CustomerEntity, { customerId: contract.customerId });
        const allowed = new Set((customer?.symbols ?? []).map((s) => s.symbol));
        const marked = (
          (variables.specialCharacteristics as
            { characteristic?: string; symbol?: string; documentRef?: string }[] | undefined) ?? []
        ).filter((c) => c?.characteristic);
        // CSR-4: the symbol must come from this customer's own set.
        const unknown = marked.filter((c) => !c.symbol || !allowed.has(c.symbol));
        if (unknown.length)
          return {
            symbolProblem: `not a symbol of customer ${contract.customerId}: ${unknown.map((c) => `${c.characteristic} '${c.symbol ?? ''}'`).join(', ')}`,
          };
        await updateContract(
          em,
          contract.contractNo,
          {
            specialCharacteristics: marked.map((c) => ({
              characteristic: c.characteristic!,
              symbol: c.symbol!,
              documentRef: c.documentRef,
            })),
          },
          nowIso(),
        );
        return { symbolProblem: null };
      }),

    'cr-check-csr-feasibility': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const blocking = await em.find(CsrRequirementEntity, {
          where: { customerId: str(variables, 'customerId'), feasibility: Not('feasible') },
          order: { id: 'ASC' },
        });
        return {
          csrBlocked: blocking.length > 0,
          blockingCsrIds: blocking.map((c) => c.id),
          blockingCsrSummary: blocking
            .map((c) => `${c.text} [${c.documentId} ${c.documentVersion}]`)
            .join('; '),
        };
      }),

    'cr-record-csr-feasibility': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const ids = (variables.blockingCsrIds as string[] | undefined) ?? [];
        const feasible = variables.csrFeasibility === 'feasible';
        if (ids.length)
          await em.update(
            CsrRequirementEntity,
            { id: In(ids) },
            { feasibility: feasible ? 'feasible' : 'not-feasible' },
          );
        return {
          csrBlocked: !feasible,
          negotiationTopic: feasible
            ? null
            : `Customer special requirements not feasible: ${String(variables.blockingCsrSummary ?? '')}`,
        };
      }),

    'cr-record-costing-feasibility': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        await addMilestone(
          em,
          contract,
          'costing',
          {
            unitCost: variables.unitCost,
            quotedPrice: variables.quotedPrice,
            currency: variables.costCurrency,
            notes: variables.costingNotes ?? null,
          },
          at,
        );
        const again = await loadContract(em, contract.contractNo);
        await addMilestone(
          em,
          again,
          'feasibility',
          {
            feasible: variables.feasible === true,
            riskAnalysis: variables.riskAnalysis,
            reportRef: variables.feasibilityReportRef ?? null,
          },
          at,
        );
        const feasible = variables.feasible === true;
        return {
          feasible,
          negotiationTopic: feasible
            ? null
            : `Manufacturing not feasible: ${String(variables.riskAnalysis ?? '')}`,
        };
      }),
  };
}

async function saveReview(
  em: import('typeorm').EntityManager,
  id: string,
  contractNo: string,
  revision: number,
  department: string,
  mode: string,
  review: DepartmentReviewInput,
): Promise<void> {
  if (await em.findOneBy(ReviewEntity, { id })) return;
  const checklist = Object.fromEntries(
    CHECKLIST_ITEMS.filter((item) => typeof review[item] === 'string').map((item) => [item, review[item]]),
  ) as ReviewEntity['checklist'];
  await em.insert(ReviewEntity, {
    id,
    contractNo,
    revision,
    department,
    mode,
    checklist,
    verdict: review.verdict as Verdict,
    comments: review.comments ?? null,
    recordedAt: nowIso(),
  });
  const measures = usableMeasures(review.measures);
  for (const [n, m] of measures.entries()) {
    await em.insert(MeasureEntity, {
      id: `${id}/m${n + 1}`,
      contractNo,
      revision,
      reviewId: id,
      description: m.description,
      department: m.department,
      owner: m.owner,
      dueDate: m.dueDate,
      status: 'open',
      evidence: null,
      completedAt: null,
    });
  }
}
