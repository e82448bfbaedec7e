import { Column, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Workgroup } from '../auth/entities/workgroup.entity';
import { InstantColumn } from '../database/timestamps';

/**
 * Where requests wait for someone to work them. Members (directly or through a workgroup) see and work
 * its requests; administrators also configure it, reopen closed requests and change deadlines.
 */
@Entity('queues')
export class Queue {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_queues_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  @Column({ default: true })
  active!: boolean;

  /** Route step ids whose requests may be placed here; empty means any step. */
  @Column({ type: 'simple-json' })
  allowedSteps!: string[];

  @ManyToMany(() => User)
  @JoinTable({ name: 'queue_members', joinColumn: { name: 'queueId', referencedColumnName: 'id' }, inverseJoinColumn: { name: 'userId', referencedColumnName: 'id' } })
  members!: User[];

  @ManyToMany(() => Workgroup)
  @JoinTable({ name: 'queue_workgroups', joinColumn: { name: 'queueId', referencedColumnName: 'id' }, inverseJoinColumn: { name: 'workgroupId', referencedColumnName: 'id' } })
  workgroups!: Workgroup[];

  @ManyToMany(() => User)
  @JoinTable({ name: 'queue_administrators', joinColumn: { name: 'queueId', referencedColumnName: 'id' }, inverseJoinColumn: { name: 'userId', referencedColumnName: 'id' } })
  administrators!: User[];

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
