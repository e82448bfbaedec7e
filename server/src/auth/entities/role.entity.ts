import { Column, Index, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Permission } from '../permissions';

@Entity('roles')
export class Role {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_roles_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  description!: string;

  @Column({ type: 'simple-json' })
  permissions!: Permission[];

  /** Roles Docket ships with can be edited but not deleted, so the demo and docs stay true. */
  @Column({ default: false })
  builtIn!: boolean;
}
