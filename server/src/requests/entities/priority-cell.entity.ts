import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One cell of the impact × urgency → priority matrix, kept as data so a department can change it. */
@Entity('priority_matrix')
export class PriorityCell {
  @PrimaryColumn({ type: 'smallint' })
  impact!: number;

  @PrimaryColumn({ type: 'smallint' })
  urgency!: number;

  @Column({ type: 'smallint' })
  priority!: number;
}
