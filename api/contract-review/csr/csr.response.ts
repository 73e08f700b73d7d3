/** Answers of the CSR endpoints (type-only: imported by the API and the web UI's /csr page). */

/** A received customer document (CSR-1), GET /api/csr/documents. */
export interface CsrDocument {
  documentId: string;
  customerId: string;
  title: string;
  version: string;
  kind: string;
  receivedAt: string;
  receivedBy: string;
  transmittedAt: string | null;
  escalatedAt: string | null;
  reviewedAt: string | null;
  changeNotes: Record<string, unknown> | null;
  instanceId: string | null;
  /** The document's file (PDF, e-mail, printout), when one was uploaded with it. */
  file: CsrDocumentFile | null;
}

/** GET /api/csr/documents/:documentId/file serves the bytes; this is what is known about them. */
export interface CsrDocumentFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, checked again on every download. */
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** An entry of the CSR list per customer (顾客特殊要求清单), GET /api/csr. */
export interface CsrRequirement {
  id: string;
  customerId: string;
  documentId: string;
  documentVersion: string;
  text: string;
  departments: string[];
  symbol?: string | null;
  feasibility: 'pending' | 'feasible' | 'not-feasible';
  verification: 'open' | 'verified';
  verifiedAt: string | null;
  createdAt: string;
}

/** POST /api/csr/documents: the recorded document with its csr-change instance. */
export type ReceivedCsrDocument = CsrDocument & { instanceId: string };
