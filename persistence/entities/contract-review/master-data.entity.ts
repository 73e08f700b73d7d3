import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Parts master (an ERP feeds it): what the availability/capacity check computes with. */
@Entity('cr_part')
export class PartEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  partNo!: string;

  @Column({ type: 'varchar', length: 255 })
  description!: string;

  @Column({ type: 'integer' })
  stockQty!: number;

  /** Production lead time in days before the first piece leaves the line. */
  @Column({ type: 'integer' })
  leadTimeDays!: number;

  @Column({ type: 'integer' })
  dailyCapacity!: number;

  /** Last date the part (family) is active for production and service (CR-11 retention). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  activeUntil!: string | null;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;
}

export interface CustomerSymbol {
  symbol: string;
  meaning: string;
}

/** A customer and its special-characteristic symbol set (CSR-4: data, not code). */
@Entity('cr_customer')
export class CustomerEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  customerId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** A vehicle maker (整车厂). */
  @Column({ type: 'boolean', default: false })
  oem!: boolean;

  @Column({ type: 'simple-json' })
  symbols!: CustomerSymbol[];

  /** Years beyond the CR-11 minimum a customer asks records to be kept. */
  @Column({ type: 'integer', default: 0 })
  extraRetentionYears!: number;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;
}
