import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Someone who speaks for a client (or for no client yet); phones and e-mails are contact points. */
@Entity('contact_persons')
@Index('IDX_contact_persons_client', ['clientId'])
@Index('IDX_contact_persons_search_name', ['searchName'])
export class ContactPerson {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ length: 300 })
  name!: string;

  @Column({ length: 300 })
  searchName!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  position!: string;

  @Column({ default: true })
  active!: boolean;
}
