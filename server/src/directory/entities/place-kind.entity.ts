import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A kind of contact place (call centre, office, web). */
@Entity('place_kinds')
@Index('UQ_place_kinds_code', ['code'], { unique: true })
export class PlaceKind {
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
