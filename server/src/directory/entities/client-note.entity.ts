import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** A note on a client; notes are appended, never edited, like a log. */
@Entity('client_notes')
@Index('IDX_client_notes_client', ['clientId'])
export class ClientNote {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  clientId!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'int', nullable: true })
  authorId!: number | null;

  @Column({ length: 64 })
  authorLogin!: string;

  @InstantColumn()
  at!: Date;
}
