import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A service-catalogue entry a client subscribes to, with the SLA level and business priority that policies read. */
@Entity('client_services')
@Index('IDX_client_services_client', ['clientId'])
export class ClientService {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  clientId!: number;

  @Column({ length: 64 })
  serviceCode!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ length: 64 })
  slaLevel!: string;

  @Column({ type: 'smallint', default: 3 })
  businessPriority!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  contractNumber!: string | null;
}
