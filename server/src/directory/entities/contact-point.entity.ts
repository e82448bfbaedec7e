import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ContactOwner = 'client' | 'person' | 'partner';

/**
 * A phone number or e-mail address of a client, contact person or partner. `normalized` is what search
 * compares: a phone's digits only, an address lower-cased.
 */
@Entity('contact_points')
@Index('IDX_contact_points_owner', ['ownerType', 'ownerId'])
@Index('IDX_contact_points_lookup', ['kind', 'normalized'])
export class ContactPoint {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 16 })
  ownerType!: ContactOwner;

  @Column({ type: 'int' })
  ownerId!: number;

  @Column({ length: 8 })
  kind!: 'phone' | 'email';

  @Column({ length: 254 })
  value!: string;

  @Column({ length: 254 })
  normalized!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  label!: string;
}
