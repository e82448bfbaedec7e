import { Column, Index, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/** A team with a specialisation, a territory and a qualification level; `parentId` forms the management chain. */
@Entity('workgroups')
export class Workgroup {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_workgroups_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  specialisation!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  territory!: string | null;

  @Column({ type: 'int', default: 1 })
  qualificationLevel!: number;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Column({ type: 'int', nullable: true })
  managerId!: number | null;

  @Column({ default: true })
  active!: boolean;

  @ManyToMany(() => User, (user) => user.workgroups)
  @JoinTable({
    name: 'workgroup_members',
    joinColumn: { name: 'workgroupId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'userId', referencedColumnName: 'id' },
  })
  members!: User[];
}
