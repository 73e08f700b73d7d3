import { Module } from '@nestjs/common';
import { ProcessInstancesModule } from '../../process-instances/process-instances.module';
import { CsrController } from './csr.controller';

@Module({ imports: [ProcessInstancesModule], controllers: [CsrController] })
export class CsrModule {}
