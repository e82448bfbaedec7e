import { Column, Index, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';
import { Role } from './role.entity';
import { Workgroup } from './workgroup.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_users_login', { unique: true })
  @Column({ length: 64 })
  login!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ length: 255, select: false })
  passwordHash!: string;

  @Column({ default: true })
  active!: boolean;

  @Column({ length: 8, default: 'en' })
  locale!: string;

  @Column({ length: 64, default: 'UTC' })
  timeZone!: string;

  /** A partner organisation's user: sees only that partner's work orders (see PARTNER_PERMISSIONS). */
  @Column({ type: 'int', nullable: true })
  partnerId!: number | null;

  /** A customer's user: the client (company or person) they speak for, who sees only its requests in the portal. */
  @Column({ type: 'int', nullable: true })
  clientId!: number | null;

  /** The contact person this customer's user is, when known. */
  @Column({ type: 'int', nullable: true })
  contactPersonId!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  @ManyToMany(() => Role)
  @JoinTable({
    name: 'user_roles',
    joinColumn: { name: 'userId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'roleId', referencedColumnName: 'id' },
  })
  roles!: Role[];

  @ManyToMany(() => Workgroup, (workgroup) => workgroup.members)
  workgroups!: Workgroup[];
}
