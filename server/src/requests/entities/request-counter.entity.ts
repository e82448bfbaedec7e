import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last request number given out in a year; incremented under the creating transaction's row lock. */
@Entity('request_counters')
export class RequestCounter {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastNumber!: number;
}
