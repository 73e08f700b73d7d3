import { Body, Controller, Get, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource, In } from 'typeorm';
import {
  CsrDocumentEntity,
  CsrDocumentFileEntity,
  CsrRequirementEntity,
} from '../../../persistence/entities/contract-review';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { GROUPS, type Principal } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { CR_GROUPS } from '../shared/groups';
import { type Page, PageRequest, pageWindow, toPage } from '../shared/page';
import type { CsrDocument, CsrRequirement, ReceivedCsrDocument } from './csr.response';
import { CSR_UPLOAD, fileInfo, UploadErrors } from './csr-upload';
import {
  checkDocumentFile,
  CSR_FILE_LIMIT_BYTES,
  CSR_FILE_TYPES,
  type UploadedDocumentFile,
} from './document-file';
import { receiveDocument } from './receive-document';
import { StartInstanceService } from '../../process-instances/start-instance.service';

const KINDS = [
  'contract',
  'attachment',
  'quality-agreement',
  'technical-conditions',
  'drawing',
  'email',
] as const;

export class ReceiveCsrDocumentRequest {
  @ApiProperty({ example: 'QA-7' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  readonly documentId!: string;
  @ApiProperty({ example: 'chrysler' }) @IsString() @MinLength(1) @MaxLength(64) readonly customerId!: string;
  @ApiProperty({ example: 'Supplier quality agreement' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  readonly title!: string;
  @ApiProperty({ example: 'B' }) @IsString() @MinLength(1) @MaxLength(32) readonly version!: string;
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) readonly kind!: (typeof KINDS)[number];
  @ApiPropertyOptional({ description: 'When it arrived (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  readonly receivedAt?: string;
}

export class ListCsrRequest extends PageRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) readonly customerId?: string;
}

@ApiTags('csr')
@ApiBearerAuth()
@Controller('csr')
export class CsrController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instances: StartInstanceService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'CSR list per customer (顾客特殊要求清单): requirement, source document and version, departments, feasibility, verification',
  })
  async list(@Query() query: ListCsrRequest): Promise<Page<CsrRequirement>> {
    const { skip, take } = pageWindow(query);
    return toPage(
      await this.dataSource.getRepository(CsrRequirementEntity).find({
        where: query.customerId ? { customerId: query.customerId } : {},
        order: { customerId: 'ASC', id: 'ASC' },
        skip,
        take: take + 1,
      }),
      query,
    );
  }

  @Get('documents')
  @ApiOperation({ summary: 'List of received external customer documents (CSR-1)' })
  async documents(@Query() query: ListCsrRequest): Promise<Page<CsrDocument>> {
    const { skip, take } = pageWindow(query);
    const page = toPage(
      await this.dataSource.getRepository(CsrDocumentEntity).find({
        where: query.customerId ? { customerId: query.customerId } : {},
        order: { receivedAt: 'DESC' },
        skip,
        take: take + 1,
      }),
      query,
    );
    const ids = page.items.map((d) => d.documentId);
    const files = ids.length
      ? await this.dataSource.getRepository(CsrDocumentFileEntity).findBy({ documentId: In(ids) })
      : [];
    return {
      ...page,
      items: page.items.map((d) => {
        const f = files.find((x) => x.documentId === d.documentId);
        return { ...d, file: f ? fileInfo(f) : null };
      }),
    };
  }

  @Post('documents')
  @RequireGroups(CR_GROUPS.sales, GROUPS.service, GROUPS.admin)
  @UseInterceptors(UploadErrors, FileInterceptor('file', CSR_UPLOAD))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    summary:
      'A customer document or e-mail was received (CSR-1): records it and starts csr-change (one-day transmission, CSR-3)',
    description: `JSON, or multipart/form-data with the same fields and the document's file in \`file\` (${CSR_FILE_TYPES.join(', ')}; at most ${CSR_FILE_LIMIT_BYTES} bytes; the bytes must match the type). 415 CSR.FILE_TYPE / CSR.FILE_CONTENT_MISMATCH, 413 CSR.FILE_TOO_LARGE.`,
  })
  async receive(
    @Body() body: ReceiveCsrDocumentRequest,
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file?: UploadedDocumentFile,
  ): Promise<ReceivedCsrDocument> {
    const checked = file ? checkDocumentFile(file) : undefined;
    return receiveDocument(this.dataSource, this.instances, body, principal, checked);
  }
}
