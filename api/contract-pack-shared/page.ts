import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { badRequest } from '../errors/domain-error';

/** Paging of the domain lists: `limit` and an opaque `cursor` (the offset of the next page). */
export class PageRequest {
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  readonly limit: number = 50;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,9}$/)
  readonly cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export function pageWindow(request: PageRequest): { skip: number; take: number } {
  const skip = request.cursor ? Number(request.cursor) : 0;
  if (!Number.isSafeInteger(skip)) throw badRequest('PAGE.INVALID_CURSOR', 'invalid cursor');
  return { skip, take: request.limit ?? 50 };
}

/** Builds a page from `take + 1` fetched rows. */
export function toPage<T>(rows: T[], request: PageRequest): Page<T> {
  const { skip, take } = pageWindow(request);
  return rows.length > take
    ? { items: rows.slice(0, take), nextCursor: String(skip + take) }
    : { items: rows };
}
