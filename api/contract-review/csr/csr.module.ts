import { Module } from '@nestjs/common';
import { ProcessInstancesModule } from '../../process-instances/process-instances.module';
import { CsrFilesController } from './csr-files.controller';
import { CsrController } from './csr.controller';

@Module({ imports: [ProcessInstancesModule], controllers: [CsrController, CsrFilesController] })
export class CsrModule {}
