import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../auth/principal';
import { conflict } from '../../../errors/domain-error';
import { ContractSignalService } from '../contract-signal.service';
import { ContractQueries } from '../queries/contract-queries.service';
import type { DeclareDelayRequest } from './declare-delay.request.dto';

/** CR-12.1: PMC or sales declares that a committed delivery cannot be made; the instance raises the late order. */
@Injectable()
export class DeclareDelayService {
  constructor(
    private readonly queries: ContractQueries,
    private readonly signals: ContractSignalService,
  ) {}

  async declare(contractNo: string, request: DeclareDelayRequest, principal: Principal) {
    const contract = await this.queries.entity(contractNo);
    if (contract.status !== 'executing')
      throw conflict(
        'CONTRACT.NOT_EXECUTING',
        `Contract ${contractNo} is ${contract.status}: delays are declared while it executes`,
        { status: contract.status },
      );
    const delay = {
      reason: request.reason,
      newDate: request.newDate,
      lineNos: request.lineNos ?? [],
      declaredBy: principal.user,
    };
    await this.signals.send(contract.instanceId!, 'delay-declared', contractNo, { delay });
    return { contractNo, declared: delay };
  }
}
