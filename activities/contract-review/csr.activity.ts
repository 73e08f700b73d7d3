/** CSR-1..CSR-3, CSR-5, CSR-6: received documents, the CSR list, change notes, verification, annual check. */
import {
  CsrAnnualCheckEntity,
  CsrDocumentEntity,
  CsrRequirementEntity,
} from '../../persistence/entities/contract-review';
import { writeOutbox } from './records/outbox';
import { groupRecipient } from './contract-store';
import {
  activityNow,
  badInput,
  type ContractReviewDeps,
  type JobHandler,
  nowIso,
  optStr,
  str,
} from './support';

const ONE_DAY_MS = 24 * 3600_000;
export function createCsrActivities({ dataSource }: ContractReviewDeps): Record<string, JobHandler> {
  const loadDoc = async (em: import('typeorm').EntityManager, documentId: string) => {
    const doc = await em.findOneBy(CsrDocumentEntity, { documentId });
    if (!doc) throw badInput(`customer document ${documentId} is not on record`);
    return doc;
  };
  return {
    'csr-record-receipt': async ({ variables, instanceId }) =>
      dataSource.transaction(async (em) => {
        const doc = await loadDoc(em, str(variables, 'documentId'));
        if (!doc.instanceId)
          await em.update(CsrDocumentEntity, { documentId: doc.documentId }, { instanceId });
        // CSR-3: passed on within one day of its receipt, counted from receivedAt (not from when
        // the instance got here); csr-change escalates at that instant and every day after it.
        const transmissionDueAt = new Date(Date.parse(doc.receivedAt) + ONE_DAY_MS).toISOString();
        return { documentTitle: doc.title, documentVersion: doc.version, transmissionDueAt };
      }),

    'csr-record-transmission': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const doc = await loadDoc(em, str(variables, 'documentId'));
        if (!doc.transmittedAt)
          await em.update(CsrDocumentEntity, { documentId: doc.documentId }, { transmittedAt: nowIso() });
      }),

    'csr-escalate-transmission': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const doc = await loadDoc(em, str(variables, 'documentId'));
        const at = nowIso();
        if (!doc.escalatedAt)
          await em.update(CsrDocumentEntity, { documentId: doc.documentId }, { escalatedAt: at });
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'csr-escalation',
            customerId: doc.customerId,
            recipients: [groupRecipient('sales'), groupRecipient('manager')],
            subject: `Customer document ${doc.title} ${doc.version} not passed to the project team within one day`,
            body: `Received ${doc.receivedAt} by ${doc.receivedBy}`,
          },
          at,
        );
      }),

    'csr-record-review': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const doc = await loadDoc(em, str(variables, 'documentId'));
        const texts = str(variables, 'requirementsText')
          .split('\n')
          .map((t) => t.trim())
          .filter(Boolean);
        const departments = Array.isArray(variables.actingDepartments)
          ? (variables.actingDepartments as string[])
          : [];
        const at = nowIso();
        for (const [n, text] of texts.entries()) {
          const id = `${doc.documentId}/${doc.version}/${n + 1}`;
          if (await em.findOneBy(CsrRequirementEntity, { id })) continue;
          await em.insert(CsrRequirementEntity, {
            id,
            customerId: doc.customerId,
            documentId: doc.documentId,
            documentVersion: doc.version,
            text,
            departments,
            feasibility: 'pending',
            verification: 'open',
            verifiedAt: null,
            createdAt: at,
          });
        }
        await em.update(CsrDocumentEntity, { documentId: doc.documentId }, { reviewedAt: at });
        return { csrCount: texts.length };
      }),

    'csr-record-change': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        const doc = await loadDoc(em, str(variables, 'documentId'));
        const keys = [
          'changeKind',
          'fmeaChangedOn',
          'controlPlanChangedOn',
          'processDocsChangedOn',
          'inspectionDocsChangedOn',
          'implementationDate',
          'distributedTo',
          'trainingRequired',
        ];
        const notes = Object.fromEntries(keys.map((k) => [k, variables[k] ?? null]));
        const at = nowIso();
        await em.update(CsrDocumentEntity, { documentId: doc.documentId }, { changeNotes: notes as never });
        const to = Array.isArray(variables.distributedTo) ? (variables.distributedTo as string[]) : [];
        await writeOutbox(
          em,
          {
            id: jobKey,
            kind: 'change-distribution',
            customerId: doc.customerId,
            recipients: to.map(groupRecipient),
            subject: `Changed documents for ${doc.title} ${doc.version}`,
            body: `Implementation ${String(notes.implementationDate)}; FMEA ${String(notes.fmeaChangedOn)}; control plan ${String(notes.controlPlanChangedOn)}`,
          },
          at,
        );
      }),

    'csr-record-verification': async ({ variables }) =>
      dataSource.transaction(async (em) => {
        const doc = await loadDoc(em, str(variables, 'documentId'));
        if (variables.verified === true)
          await em.update(
            CsrRequirementEntity,
            { documentId: doc.documentId, documentVersion: doc.version },
            { verification: 'verified', verifiedAt: nowIso() },
          );
        return { csrVerified: variables.verified === true };
      }),

    'csr-list-customers': async () => {
      const rows: { customerId: string }[] = await dataSource
        .getRepository(CsrDocumentEntity)
        .createQueryBuilder('d')
        .select('DISTINCT d."customerId"', 'customerId')
        .orderBy('d."customerId"')
        .getRawMany();
      return { customerIds: rows.map((r) => r.customerId) };
    },

    'csr-record-annual-check': async ({ variables, jobKey }) =>
      dataSource.transaction(async (em) => {
        if (await em.findOneBy(CsrAnnualCheckEntity, { id: jobKey })) return;
        await em.insert(CsrAnnualCheckEntity, {
          id: jobKey,
          customerId: str(variables, 'customerId'),
          year: new Date(activityNow()).getUTCFullYear(),
          allLatestInUse: variables.allLatestInUse === true,
          notes:
            [optStr(variables, 'outdatedDocuments'), optStr(variables, 'annualCheckNotes')]
              .filter(Boolean)
              .join('\n') || null,
          checkedAt: nowIso(),
        });
      }),
  };
}
