import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../auth/principal';
import { conflict } from '../../../errors/domain-error';
import { ContractSignalService, executionInstance } from '../contract-signal.service';
import { ContractQueries } from '../queries/contract-queries.service';
import type { DeclareDelayRequest } from './declare-delay.request.dto';

/** CR-12.1: PMC or sales declares that a committed delivery cannot be made; the instance raises the late order. */
@Injectable()
export class DeclareDelayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    // The same declaration sent again (a retry) is one event for the instance.
    const key = createHash('sha256')
      .update(JSON.stringify([delay.reason, delay.newDate, delay.lineNos, delay.declaredBy]))
      .digest('hex')
      .slice(0, 32);
    const id = await this.dataSource.transaction((em) =>
      this.signals.record(
        em,
        executionInstance(contract),
        'delay-declared',
        contractNo,
        { delay },
        `${contractNo}/delay/${key}`,
      ),
    );
    await this.signals.deliver([id]);
    return { contractNo, declared: delay };
  }
}
