import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns of the flat, manually ordered intake lists (channels, directions, place kinds). Abstract and
 * without @Entity: each subclass is its own table with its own unique index on `code`.
 */
export abstract class CodedEntry {
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
