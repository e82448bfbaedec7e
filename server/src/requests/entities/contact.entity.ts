import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** One interaction (a call, a visit, an e-mail) holding one or more requests. */
@Entity('contacts')
@Index('IDX_contacts_client', ['clientId'])
export class Contact {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int', nullable: true })
  channelId!: number | null;

  @Column({ type: 'int', nullable: true })
  directionId!: number | null;

  @Column({ type: 'int', nullable: true })
  placeId!: number | null;

  @Column({ type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ type: 'int', nullable: true })
  contactPersonId!: number | null;

  @Column({ type: 'int' })
  operatorId!: number;

  @InstantColumn()
  occurredAt!: Date;

  @InstantColumn()
  createdAt!: Date;
}
