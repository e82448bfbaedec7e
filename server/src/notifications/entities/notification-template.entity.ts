import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/**
 * The words of one notification in one language. `code` is an event (request.created, sla.breach, …) or a
 * code a route's notify action names; built-in rows (one per event and language) can be edited or switched
 * off, never deleted, so every event always has its template.
 */
@Entity('notification_templates')
@Index('UQ_notification_templates_code_language', ['code', 'language'], { unique: true })
export class NotificationTemplate {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 8 })
  language!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ length: 500 })
  subject!: string;

  @Column({ type: 'text' })
  html!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ default: true })
  active!: boolean;

  @Column({ default: false })
  builtIn!: boolean;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
