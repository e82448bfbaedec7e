import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/timestamps';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** One append-only line of the journal: who changed what, when, old → new. Never updated or deleted. */
@Entity('audit_entries')
@Index('IDX_audit_entries_entity', ['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_audit_entries_at')
  @InstantColumn()
  at!: Date;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ length: 64 })
  actorLogin!: string;

  @Column({ length: 64 })
  entityType!: string;

  @Column({ length: 64 })
  entityId!: string;

  @Column({ length: 64 })
  action!: string;

  @Column({ type: 'simple-json' })
  changes!: FieldChange[];
}
