import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RouteState } from '../../../../workflows/index';
import { InstantColumn } from '../../database/timestamps';

const text = () => Column({ type: 'varchar', length: 191, nullable: true });
const num = () => Column({ type: 'decimal', precision: 20, scale: 6, nullable: true });
const instant = () => InstantColumn({ nullable: true });

/**
 * A customer request: the tracked unit. Dynamic attribute values live in `request_values`; those an
 * administrator shows as list columns are also copied into the typed `list*` slot columns.
 */
@Entity('requests')
@Index('UQ_requests_number', ['number'], { unique: true })
@Index('IDX_requests_queue_open', ['queueId', 'isOpen'])
@Index('IDX_requests_queue_open_created', ['queueId', 'isOpen', 'createdAt'])
@Index('IDX_requests_queue_open_priority', ['queueId', 'isOpen', 'priority'])
@Index('IDX_requests_queue_open_status', ['queueId', 'isOpen', 'status'])
@Index('IDX_requests_assignee_open', ['assigneeId', 'isOpen'])
@Index('IDX_requests_client', ['clientId'])
@Index('IDX_requests_contact', ['contactId'])
@Index('IDX_requests_open_closed', ['isOpen', 'closedAt'])
@Index('IDX_requests_archived', ['archivedAt'])
@Index('IDX_requests_parent', ['parentId'])
export class CustomerRequest {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 32 })
  number!: string;

  @Column({ type: 'int' })
  topicId!: number;

  @Column({ length: 16 })
  type!: string;

  @Column({ type: 'smallint' })
  priority!: number;

  @Column({ length: 32 })
  status!: string;

  @Column()
  isOpen!: boolean;

  @Column({ type: 'int', nullable: true })
  queueId!: number | null;

  @Column({ type: 'int', nullable: true })
  assigneeId!: number | null;

  @Column({ type: 'int', nullable: true })
  clientId!: number | null;

  @Column({ length: 500 })
  subject!: string;

  /** Sanitised HTML. */
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'int', nullable: true })
  contactId!: number | null;

  @Column({ type: 'int', nullable: true })
  contactPersonId!: number | null;

  @Column({ type: 'smallint', default: 3 })
  impact!: number;

  @Column({ type: 'smallint', default: 3 })
  urgency!: number;

  /** The route version the request started on and stays pinned to; null when its topic has no route. */
  @Column({ type: 'int', nullable: true })
  routeVersionId!: number | null;

  @Column({ type: 'simple-json', nullable: true })
  routeState!: RouteState | null;

  /** The steps the request waits at, comma-separated (several on parallel branches). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  currentSteps!: string | null;

  /** Handed off to another user task: the receiver has not accepted (or handed it back) yet. */
  @Column({ default: false })
  awaitingAcceptance!: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution!: string | null;

  @InstantColumn({ nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  createdById!: number | null;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;

  @InstantColumn({ nullable: true })
  dueAt!: Date | null;

  /** Compared in `UPDATE … WHERE id = ? AND version = ?`; TypeORM's @VersionColumn alone does not prevent lost updates. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** The request whose route spawned this one as a child; null for a request registered on its own. */
  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  /** The key the parent's route tracks this child by. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  childKey!: string | null;

  /** Set while the request is in the archive: read-only, its attribute values moved to `request_values_archive`. */
  @InstantColumn({ nullable: true })
  archivedAt!: Date | null;

  /** When it last came back from the archive; the archive sweep counts its age from then. */
  @InstantColumn({ nullable: true })
  restoredAt!: Date | null;

  @text() listText1!: string | null;
  @text() listText2!: string | null;
  @text() listText3!: string | null;
  @text() listText4!: string | null;
  @text() listText5!: string | null;
  @text() listText6!: string | null;
  @text() listText7!: string | null;
  @text() listText8!: string | null;
  @text() listText9!: string | null;
  @text() listText10!: string | null;
  @num() listNumber1!: number | null;
  @num() listNumber2!: number | null;
  @num() listNumber3!: number | null;
  @num() listNumber4!: number | null;
  @num() listNumber5!: number | null;
  @num() listNumber6!: number | null;
  @instant() listInstant1!: Date | null;
  @instant() listInstant2!: Date | null;
  @instant() listInstant3!: Date | null;
  @instant() listInstant4!: Date | null;
  @instant() listInstant5!: Date | null;
  @instant() listInstant6!: Date | null;
}
