import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Rule } from '../../../../rules/index';
import { InstantColumn } from '../../database/timestamps';

export type ClockAction = 'pause' | 'stop' | 'reset';
export type PolicyClock = 'reaction' | 'resolution';

/** Working minutes allowed at one priority. */
export interface PriorityTarget {
  reactionMinutes?: number;
  resolutionMinutes?: number;
}

/** When the request's state satisfies `when`, the listed clocks pause (and resume once it no longer does), stop, or restart. */
export interface ClockRule {
  action: ClockAction;
  clocks: PolicyClock[];
  when: Rule;
}

/**
 * Service levels as data: the first active policy (by rank) whose condition holds for a request
 * (client category, contract, service, priority) gives its targets, calendar and clock rules.
 */
@Entity('sla_policies')
export class SlaPolicy {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_sla_policies_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ default: true })
  active!: boolean;

  /** Lower ranks are tried first. */
  @Column({ type: 'int', default: 100 })
  rank!: number;

  /** JSONLogic over client, contract, service and request; null matches every request. */
  @Column({ type: 'simple-json', nullable: true })
  condition!: Rule | null;

  @Column({ type: 'int' })
  calendarId!: number;

  /** By priority ('1' … '5'). */
  @Column({ type: 'simple-json' })
  targets!: Record<string, PriorityTarget>;

  /** Working minutes a request may spend in one route step, by step id. */
  @Column({ type: 'simple-json' })
  stepLimits!: Record<string, number>;

  @Column({ type: 'simple-json' })
  clockRules!: ClockRule[];

  @Column({ type: 'int', default: 80 })
  warningPercent!: number;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
