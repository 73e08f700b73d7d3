import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CustomerEntity, type CustomerSymbol } from '../../../persistence/entities/contract-review';

/**
 * CSR-4: the shipped symbol sets (diagrams/contract-review/customer-symbols/*.json) for customers not on
 * record yet; a customer already on record keeps what PUT /api/customers gave it.
 */
export async function seedCustomerSymbols(dataSource: DataSource, dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const repo = dataSource.getRepository(CustomerEntity);
  const labels: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      customerId: string;
      name: string;
      oem: boolean;
      symbols: CustomerSymbol[];
    };
    if (await repo.findOneBy({ customerId: data.customerId })) continue;
    await repo.insert({
      customerId: data.customerId,
      name: data.name,
      oem: data.oem,
      symbols: data.symbols,
      extraRetentionYears: 0,
      updatedAt: new Date().toISOString(),
    });
    labels.push(`customer ${data.customerId} symbols`);
  }
  return labels;
}
