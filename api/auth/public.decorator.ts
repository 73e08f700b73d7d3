import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';
/** The route needs no token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
