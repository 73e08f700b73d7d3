import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An instance waiting for a message: the API correlates a published message through these rows. */
@Entity('message_subscription')
@Index(['messageName', 'correlationKey'])
export class MessageSubscriptionEntity {
  /** `<instanceId>:<elementInstanceId>` */
  @PrimaryColumn({ type: 'varchar', length: 512 })
  subscriptionId!: string;

  @Column({ type: 'varchar', length: 512 })
  instanceId!: string;

  @Column({ type: 'varchar', length: 255 })
  elementId!: string;

  @Column({ type: 'varchar', length: 255 })
  messageName!: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  correlationKey!: string;

  @Column({ type: 'varchar', length: 30 })
  createdAt!: string;
}
