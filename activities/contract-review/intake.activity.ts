/** CR-1 intake, telephone memo and customer confirmation; CR-2/CR-3 classification and reviewers. */
import { CustomerEntity, PartEntity } from '../../persistence/entities/contract-review';
import { classificationProblems, proposeClass, type ContractClass } from './domain/classification';
import { writeOutbox } from './records/outbox';
import { addMilestone, customerRecipient, loadContract, updateContract } from './contract-store';
import { bpmnError, type ContractReviewDeps, type JobHandler, nowIso, optStr, str } from './support';

export function createIntakeActivities({ dataSource }: ContractReviewDeps): Record<string, JobHandler> {
  return {
    'cr-record-intake': async ({ variables, instanceId }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        if (!contract.instanceId) await updateContract(em, contract.contractNo, { instanceId }, nowIso());
        const customer = await em.findOneBy(CustomerEntity, { customerId: contract.customerId });
        const symbols = customer?.symbols ?? [];
        return {
          customerSymbolList: symbols.length
            ? symbols.map((s) => `${s.symbol}: ${s.meaning}`).join('; ')
            : 'no symbol set on record',
          customerOem: customer?.oem ?? false,
        };
      }),

    'cr-record-telephone-memo': async ({ variables, instanceId }) =>
      dataSource.transaction(async (em) => {
        const memo = {
          memoText: optStr(variables, 'memoText'),
          customerContact: optStr(variables, 'customerContact'),
          callDate: optStr(variables, 'callDate'),
          confirmationRequired: variables.confirmationRequired === true,
        };
        // The memo is recorded in the receipt stage (cr-receipt): its confirmation is a message for that instance.
        await updateContract(
          em,
          str(variables, 'contractNo'),
          { telephoneMemo: memo, receiptInstanceId: instanceId },
          nowIso(),
        );
      }),

    'cr-request-customer-confirmation': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const memo = contract.telephoneMemo;
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'confirmation-request',
            contractNo: contract.contractNo,
            customerId: contract.customerId,
            recipients: [customerRecipient(contract.customerId)],
            subject: `Please confirm telephone order ${contract.contractNo} (电话纪要确认)`,
            body: memo?.memoText ?? '',
          },
          nowIso(),
        );
      }),

    'cr-send-confirmation-reminder': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'confirmation-reminder',
            contractNo: contract.contractNo,
            customerId: contract.customerId,
            recipients: [customerRecipient(contract.customerId)],
            subject: `Reminder: telephone order ${contract.contractNo} awaits your confirmation`,
            body: String(contract.telephoneMemo?.memoText ?? ''),
          },
          nowIso(),
        );
      }),

    'cr-propose-classification': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const lines = (variables.lines as { partNo: string }[] | undefined) ?? [];
        const known = new Set((await em.find(PartEntity, { select: { partNo: true } })).map((p) => p.partNo));
        const proposal = proposeClass(
          {
            documentType: contract.documentType,
            annual: contract.annual,
            specialRequirements: contract.specialRequirements,
            lines,
          },
          known,
        );
        await updateContract(
          em,
          contract.contractNo,
          {
            proposedClass: proposal.proposedClass,
            classReasons: proposal.reasons,
            newProduct: proposal.newProduct,
          },
          nowIso(),
        );
        return {
          proposedClass: proposal.proposedClass,
          newProduct: proposal.newProduct,
          classReasons: proposal.reasons.join('; '),
          classificationProblem: null,
        };
      }),

    'cr-record-classification': async ({ variables }) => {
      const decision = {
        contractClass: optStr(variables, 'contractClass') ?? undefined,
        overrideReason: optStr(variables, 'overrideReason') ?? undefined,
        reviewers: Array.isArray(variables.reviewers) ? (variables.reviewers as string[]) : [],
        reviewMode: optStr(variables, 'reviewMode') ?? undefined,
      };
      const problems = classificationProblems(str(variables, 'proposedClass') as ContractClass, decision);
      if (problems.length)
        throw bpmnError('CLASSIFICATION_INCOMPLETE', problems.join('; '), {
          classificationProblem: problems.join('; '),
        });
      return dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        await updateContract(
          em,
          contract.contractNo,
          {
            contractClass: decision.contractClass as ContractClass,
            classOverrideReason: decision.overrideReason ?? null,
            reviewers: decision.reviewers,
            reviewMode: decision.contractClass === 'non-regular' ? decision.reviewMode! : null,
            status: 'in-review',
          },
          at,
        );
        await addMilestone(
          em,
          contract,
          'orderReviewRecord',
          {
            contractClass: decision.contractClass,
            proposedClass: contract.proposedClass,
            overrideReason: decision.overrideReason ?? null,
            reviewers: decision.reviewers,
            revision: contract.revision,
          },
          at,
        );
        return { classificationProblem: null };
      });
    },
  };
}
