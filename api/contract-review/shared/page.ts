import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { badRequest } from '../../errors/domain-error';
import { CursorPageRequest } from '../../paging/cursor-page.request.dto';

/** Paging of the domain lists: the cursor is the offset of the next page. */
export class PageRequest extends CursorPageRequest {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,9}$/)
  declare readonly cursor?: string;
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
