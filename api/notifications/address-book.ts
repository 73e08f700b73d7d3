/** Symbolic recipients → mail addresses (table mail_address); plain addresses pass through. */
import { DataSource, In } from 'typeorm';
import { MailAddressEntity } from '../../persistence/entities';

const PLAIN_ADDRESS = /^[^\s@:]+@[^\s@]+$/;

export class AddressBook {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(recipients: string[]): Promise<{ addresses: string[]; missing: string[] }> {
    const plain = recipients.filter((r) => PLAIN_ADDRESS.test(r));
    const symbolic = recipients.filter((r) => !PLAIN_ADDRESS.test(r));
    const rows = symbolic.length
      ? await this.dataSource.getRepository(MailAddressEntity).findBy({ recipient: In(symbolic) })
      : [];
    const found = new Map(rows.map((r) => [r.recipient, r.addresses]));
    const missing = symbolic.filter((r) => !found.get(r)?.length);
    const addresses = [...new Set([...plain, ...symbolic.flatMap((r) => found.get(r) ?? [])])];
    return { addresses, missing };
  }
}
