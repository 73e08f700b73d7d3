/**
 * CSR-1: a customer document (or e-mail) was received. Records it with its file, if one
 * came, and starts csr-change (one-day transmission, CSR-3); when the instance cannot
 * start, neither the document nor its file stays on record.
 */
import type { DataSource } from 'typeorm';
import {
  CsrDocumentEntity,
  CsrDocumentFileEntity,
  CustomerEntity,
} from '../../../persistence/entities/contract-review';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict } from '../../errors/domain-error';
import type { StartInstanceService } from '../../process-instances/start-instance.service';
import type { CheckedFile } from './document-file';
import type { CsrDocumentFile, ReceivedCsrDocument } from './csr.response';

export interface ReceiveDocument {
  documentId: string;
  customerId: string;
  title: string;
  version: string;
  kind: string;
  receivedAt?: string;
}

export async function receiveDocument(
  dataSource: DataSource,
  instances: StartInstanceService,
  body: ReceiveDocument,
  principal: Principal,
  file?: CheckedFile,
): Promise<ReceivedCsrDocument> {
  const repo = dataSource.getRepository(CsrDocumentEntity);
  if (await repo.findOneBy({ documentId: body.documentId }))
    throw conflict('CSR.DOCUMENT_EXISTS', `Document ${body.documentId} is already on record`);
  if (!(await dataSource.getRepository(CustomerEntity).findOneBy({ customerId: body.customerId })))
    throw badRequest('CSR.UNKNOWN_CUSTOMER', `No customer ${body.customerId}`);
  const now = new Date().toISOString();
  const row: CsrDocumentEntity = {
    ...body,
    receivedAt: body.receivedAt ? new Date(body.receivedAt).toISOString() : now,
    receivedBy: principal.user,
    transmittedAt: null,
    escalatedAt: null,
    reviewedAt: null,
    changeNotes: null,
    instanceId: null,
  };
  const stored: CsrDocumentFile | null = file
    ? {
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        uploadedBy: principal.user,
        uploadedAt: now,
      }
    : null;
  await dataSource.transaction(async (em) => {
    await em.save(CsrDocumentEntity, row);
    if (file && stored)
      await em.save(CsrDocumentFileEntity, {
        documentId: body.documentId,
        ...stored,
        content: file.content.toString('base64'),
      });
  });
  try {
    const started = await instances.start(
      {
        processId: 'csr-change',
        businessKey: body.documentId,
        variables: { documentId: body.documentId, customerId: body.customerId },
      },
      principal,
    );
    await repo.update({ documentId: body.documentId }, { instanceId: started.instanceId });
    return { ...row, instanceId: started.instanceId, file: stored };
  } catch (error) {
    await dataSource.transaction(async (em) => {
      await em.delete(CsrDocumentFileEntity, { documentId: body.documentId });
      await em.delete(CsrDocumentEntity, { documentId: body.documentId });
    });
    throw error;
  }
}
