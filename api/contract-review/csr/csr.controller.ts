import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  CsrDocumentEntity,
  CsrRequirementEntity,
  CustomerEntity,
} from '../../../persistence/entities/contract-review';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { GROUPS, type Principal } from '../../auth/principal';
import { RequireGroups } from '../../auth/require-groups.decorator';
import { CR_GROUPS } from '../shared/groups';
import { type Page, PageRequest, pageWindow, toPage } from '../shared/page';
import type { CsrDocument, CsrRequirement, ReceivedCsrDocument } from './csr.response';
import { badRequest, conflict } from '../../errors/domain-error';
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
    return toPage(
      await this.dataSource.getRepository(CsrDocumentEntity).find({
        where: query.customerId ? { customerId: query.customerId } : {},
        order: { receivedAt: 'DESC' },
        skip,
        take: take + 1,
      }),
      query,
    );
  }

  @Post('documents')
  @RequireGroups(CR_GROUPS.sales, GROUPS.service, GROUPS.admin)
  @ApiOperation({
    summary:
      'A customer document or e-mail was received (CSR-1): records it and starts csr-change (one-day transmission, CSR-3)',
  })
  async receive(
    @Body() body: ReceiveCsrDocumentRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReceivedCsrDocument> {
    const repo = this.dataSource.getRepository(CsrDocumentEntity);
    if (await repo.findOneBy({ documentId: body.documentId }))
      throw conflict('CSR.DOCUMENT_EXISTS', `Document ${body.documentId} is already on record`);
    if (!(await this.dataSource.getRepository(CustomerEntity).findOneBy({ customerId: body.customerId })))
      throw badRequest('CSR.UNKNOWN_CUSTOMER', `No customer ${body.customerId}`);
    const row: CsrDocumentEntity = {
      ...body,
      receivedAt: body.receivedAt ? new Date(body.receivedAt).toISOString() : new Date().toISOString(),
      receivedBy: principal.user,
      transmittedAt: null,
      escalatedAt: null,
      reviewedAt: null,
      changeNotes: null,
      instanceId: null,
    };
    await repo.save(row);
    try {
      const started = await this.instances.start(
        {
          processId: 'csr-change',
          businessKey: body.documentId,
          variables: { documentId: body.documentId, customerId: body.customerId },
        },
        principal,
      );
      await repo.update({ documentId: body.documentId }, { instanceId: started.instanceId });
      return { ...row, instanceId: started.instanceId };
    } catch (error) {
      await repo.delete({ documentId: body.documentId });
      throw error;
    }
  }
}
