/**
 * What a received CSR document's file may be (CSR-1: the customer's PDF, an e-mail or a
 * scanned printout of it): at most 10 MiB, of a listed type, and its bytes must look like
 * the type it claims, so a renamed executable is not filed as a PDF.
 */
import { createHash } from 'node:crypto';
import { badRequest, DomainError } from '../../errors/domain-error';

export const CSR_FILE_LIMIT_BYTES = 10 * 1024 * 1024;

/** Content type → a check of the first bytes. */
const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  // An e-mail (.eml) or its text: no NUL bytes in what a mail client would show.
  'message/rfc822': (b) => !b.subarray(0, 8192).includes(0),
  'text/plain': (b) => !b.subarray(0, 8192).includes(0),
};
export const CSR_FILE_TYPES = Object.keys(SIGNATURES);

export interface UploadedDocumentFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface CheckedFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
}

export function checkDocumentFile(file: UploadedDocumentFile): CheckedFile {
  const contentType = file.mimetype.split(';')[0].trim().toLowerCase();
  const sniff = SIGNATURES[contentType];
  if (!sniff)
    throw new DomainError(
      'unsupported-media-type',
      'CSR.FILE_TYPE',
      `A CSR document file must be one of ${CSR_FILE_TYPES.join(', ')}; got ${contentType || 'no type'}`,
      { allowed: CSR_FILE_TYPES, contentType },
    );
  if (file.size === 0) throw badRequest('CSR.FILE_EMPTY', 'The file is empty');
  if (file.size > CSR_FILE_LIMIT_BYTES)
    throw new DomainError(
      'payload-too-large',
      'CSR.FILE_TOO_LARGE',
      `The file is above the limit of ${CSR_FILE_LIMIT_BYTES} bytes`,
      { limitBytes: CSR_FILE_LIMIT_BYTES },
    );
  if (!sniff(file.buffer))
    throw new DomainError(
      'unsupported-media-type',
      'CSR.FILE_CONTENT_MISMATCH',
      `The file's content is not ${contentType}`,
      { contentType },
    );
  return {
    fileName: safeFileName(file.originalname),
    contentType,
    sizeBytes: file.size,
    sha256: sha256(file.buffer),
    content: file.buffer,
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The name as the sender gave it (multer reads it as latin1), without a path or control characters. */
function safeFileName(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  const base = (utf8.includes('\uFFFD') ? name : utf8).split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return clean.slice(0, 255) || 'document';
}
