import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A contract with a client; numbers are unique across the directory so a number finds one client. */
@Entity('client_contracts')
@Index('UQ_client_contracts_number', ['number'], { unique: true })
@Index('IDX_client_contracts_client', ['clientId'])
export class ClientContract {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  clientId!: number;

  @Column({ length: 64 })
  number!: string;

  /** Calendar dates as YYYY-MM-DD: a contract date has no time zone. */
  @Column({ type: 'varchar', length: 10 })
  startsOn!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  endsOn!: string | null;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;
}
