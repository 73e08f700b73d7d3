import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CsrDocumentFileEntity } from '../../../persistence/entities/contract-review';
import { DomainError, notFound } from '../../errors/domain-error';
import { sha256 } from './document-file';

/** The stored file of a received CSR document, byte for byte as it was uploaded. */
@ApiTags('csr')
@ApiBearerAuth()
@Controller('csr/documents')
export class CsrFilesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':documentId/file')
  @ApiProduces('application/pdf', 'message/rfc822', 'text/plain', 'image/png', 'image/jpeg')
  @ApiOperation({
    summary: "A received CSR document's file (CSR-1), as uploaded; its SHA-256 in Repr-Digest and ETag",
  })
  async file(
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const row = await this.dataSource
      .getRepository(CsrDocumentFileEntity)
      .createQueryBuilder('f')
      .addSelect('f.content')
      .where('f.documentId = :documentId', { documentId })
      .getOne();
    if (!row) throw notFound('CSR.FILE_NOT_FOUND', `No file is stored for document ${documentId}`);
    const bytes = Buffer.from(row.content, 'base64');
    if (bytes.length !== row.sizeBytes || sha256(bytes) !== row.sha256)
      throw new DomainError(
        'unprocessable',
        'CSR.FILE_CHECKSUM_MISMATCH',
        `The stored file of ${documentId} does not match its recorded SHA-256`,
        { sha256: row.sha256 },
      );
    res.setHeader('content-type', row.contentType);
    res.setHeader(
      'content-disposition',
      `attachment; filename="${row.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    );
    res.setHeader('etag', `"${row.sha256}"`);
    res.setHeader('repr-digest', `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(bytes);
  }
}
