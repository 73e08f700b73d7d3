import { SetMetadata } from '@nestjs/common';

export const REQUIRED_GROUPS = 'auth:groups';
/** The caller must belong to at least one of these groups (403 otherwise). */
export const RequireGroups = (...groups: string[]) => SetMetadata(REQUIRED_GROUPS, groups);
