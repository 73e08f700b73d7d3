/** CR-7.4–7.6 signature and APQP hand-over, CR-8 communication and negotiation, CR-9 amendments and change notices. */
import { ChangeNoticeEntity, ContractRevisionEntity } from '../../persistence/entities/contract-review';
import { completedBy } from './records/completed-by';
import { writeOutbox } from './records/outbox';
import {
  addMilestone,
  customerRecipient,
  groupRecipient,
  loadContract,
  updateContract,
} from './contract-store';
import { badInput, type ContractReviewDeps, type JobHandler, nowIso, optStr, str } from './support';

/** CR-9: the departments told of every revision, unless the diagram's task header names others. */
export const CHANGE_NOTICE_DEPARTMENTS = ['pmc', 'rnd', 'production', 'procurement'];

export function createOutcomeActivities({ dataSource }: ContractReviewDeps): Record<string, JobHandler> {
  return {
    'cr-record-signature': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        await addMilestone(
          em,
          contract,
          'signature',
          {
            signatory: optStr(variables, 'signatory'),
            signedOn: optStr(variables, 'signedOn'),
            revision: contract.revision,
            priceTerms: optStr(variables, 'agreedPriceTerms'),
            paymentTerms: optStr(variables, 'agreedPaymentTerms'),
          },
          at,
        );
        await updateContract(em, contract.contractNo, { status: 'signed' }, at);
      }),

    'cr-hand-over-to-apqp': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        await addMilestone(
          em,
          contract,
          'developmentAgreement',
          {
            agreementNo: optStr(variables, 'developmentAgreementNo'),
            signedOn: optStr(variables, 'developmentAgreementSignedOn'),
          },
          at,
        );
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'apqp-hand-over',
            contractNo: contract.contractNo,
            customerId: contract.customerId,
            recipients: [groupRecipient('apqp')],
            subject: `New automotive product ${contract.contractNo} handed over to APQP`,
            body: `Development agreement ${String(variables.developmentAgreementNo ?? '')}`,
          },
          at,
        );
      }),

    'cr-stamp-and-send': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        await addMilestone(em, contract, 'sent', { revision: contract.revision, stamp: '合同专用章' }, at);
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'stamped-contract',
            contractNo: contract.contractNo,
            customerId: contract.customerId,
            recipients: [customerRecipient(contract.customerId)],
            subject: `Contract ${contract.contractNo} rev. ${contract.revision} (stamped 合同专用章)`,
            body: `Your ${contract.documentType} ${contract.contractNo} is accepted and stamped.`,
          },
          at,
        );
      }),

    'cr-record-negotiation': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        await updateContract(em, contract.contractNo, { status: 'negotiation' }, at);
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'negotiation',
            contractNo: contract.contractNo,
            customerId: contract.customerId,
            recipients: [customerRecipient(contract.customerId)],
            subject: `Contract ${contract.contractNo}: requirements we cannot meet (客户联络信息单)`,
            body: [optStr(variables, 'negotiationTopic'), optStr(variables, 'contactRecord')]
              .filter(Boolean)
              .join('\n'),
          },
          at,
        );
      }),

    'cr-decline-contract': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        const reason =
          optStr(variables, 'amendmentReason') ??
          optStr(variables, 'contactRecord') ??
          (contract.telephoneMemo && !variables.confirmed
            ? 'telephone memo not confirmed by the customer in time'
            : 'declined');
        await addMilestone(em, contract, 'declined', { reason }, at);
        await updateContract(em, contract.contractNo, { status: 'declined' }, at);
      }),

    'cr-record-amendment': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const at = nowIso();
        const fromApi =
          typeof variables.amendmentRevision === 'number' ? (variables.amendmentRevision as number) : null;
        let revision = fromApi ?? contract.revision;
        if (fromApi === null) {
          // An amendment agreed in negotiation: this job writes the revision (once, by job key).
          const existing = await em.findOneBy(ContractRevisionEntity, { id: jobKey });
          revision = existing?.revision ?? contract.revision + 1;
          if (!existing)
            await em.insert(ContractRevisionEntity, {
              id: jobKey,
              contractNo: contract.contractNo,
              revision,
              requestedBy: 'company',
              changes: { text: optStr(variables, 'amendmentChanges') ?? '' },
              reason: optStr(variables, 'amendmentReason') ?? 'agreed in negotiation',
              recordedBy: 'sales',
              recordedAt: at,
            });
        }
        const record = await em.findOneBy(ContractRevisionEntity, {
          contractNo: contract.contractNo,
          revision,
        });
        if (!record) throw badInput(`revision ${revision} of ${contract.contractNo} is not on record`);
        await updateContract(em, contract.contractNo, { revision, status: 'in-review' }, at);
        return {
          revision,
          amendmentRevision: null,
          changeSummary: `${record.reason}: ${JSON.stringify(record.changes)}`,
        };
      }),

    'cr-issue-change-notices': async ({ variables, headers }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const departments = headers.departments
          ? headers.departments
              .split(',')
              .map((d) => d.trim())
              .filter(Boolean)
          : CHANGE_NOTICE_DEPARTMENTS;
        const at = nowIso();
        for (const department of departments) {
          const id = `${contract.contractNo}/r${contract.revision}/${department}`;
          if (await em.findOneBy(ChangeNoticeEntity, { id })) continue;
          await em.insert(ChangeNoticeEntity, {
            id,
            contractNo: contract.contractNo,
            revision: contract.revision,
            department,
            summary: String(variables.changeSummary ?? ''),
            issuedAt: at,
            acknowledgedAt: null,
            acknowledgementNotes: null,
          });
        }
        return { changeNoticeDepartments: departments };
      }),

    'cr-acknowledge-change-notice': async ({ variables, instanceId }) =>
      dataSource.transaction(async (em) => {
        const contract = await loadContract(em, str(variables, 'contractNo'));
        const id = `${contract.contractNo}/r${contract.revision}/${str(variables, 'department')}`;
        const notice = await em.findOneBy(ChangeNoticeEntity, { id });
        if (!notice) throw badInput(`change notice ${id} was not issued`);
        // An unticked acknowledgement is no acknowledgement (the form requires the tick too).
        if (variables.acknowledged !== true) throw badInput(`change notice ${id} was not acknowledged`);
        const department = str(variables, 'department');
        const who = await completedBy(
          em,
          instanceId,
          'Task_AcknowledgeChangeNotice',
          (v) => v.department === department,
        );
        if (!notice.acknowledgedAt)
          await em.update(
            ChangeNoticeEntity,
            { id },
            {
              acknowledgedAt: who?.at ?? nowIso(),
              acknowledgedBy: who?.by ?? null,
              acknowledgementNotes: optStr(variables, 'acknowledgementNotes'),
            },
          );
      }),
  };
}
