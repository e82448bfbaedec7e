import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Inbound or outbound. */
@Entity('directions')
@Index('UQ_directions_code', ['code'], { unique: true })
export class Direction {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
