import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where a contact happens, in a tree (`Head office\Corporate\VIP desk`), each place of a kind. */
@Entity('contact_places')
@Index('UQ_contact_places_code', ['code'], { unique: true })
@Index('IDX_contact_places_parent', ['parentId'])
export class ContactPlace {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Column({ type: 'int', nullable: true })
  kindId!: number | null;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
