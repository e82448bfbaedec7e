import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last problem number given out in a year (see nextYearlyNumber). */
@Entity('problem_counters')
export class ProblemCounter {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastNumber!: number;
}
