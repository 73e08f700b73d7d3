/** How a CSR document's file arrives (multipart, field `file`) and how its refusals read. */
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { catchError, type Observable, throwError } from 'rxjs';
import type { CsrDocumentFileEntity } from '../../../persistence/entities/contract-review';
import { DomainError } from '../../errors/domain-error';
import type { CsrDocumentFile } from './csr.response';
import { CSR_FILE_LIMIT_BYTES } from './document-file';

/** Kept in memory (multer's default without `dest`): the file goes to the database. */
export const CSR_UPLOAD: MulterModuleOptions = {
  limits: { fileSize: CSR_FILE_LIMIT_BYTES, files: 1, fields: 12, fieldSize: 64 * 1024 },
};

/** Multer's "file too large" in the API's one error shape, with the limit. */
@Injectable()
export class UploadErrors implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new DomainError(
                  'payload-too-large',
                  'CSR.FILE_TOO_LARGE',
                  `The file is above the limit of ${CSR_FILE_LIMIT_BYTES} bytes`,
                  { limitBytes: CSR_FILE_LIMIT_BYTES },
                )
              : error,
          ),
        ),
      );
  }
}

export function fileInfo(f: CsrDocumentFileEntity): CsrDocumentFile {
  return {
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    uploadedBy: f.uploadedBy,
    uploadedAt: f.uploadedAt,
  };
}
