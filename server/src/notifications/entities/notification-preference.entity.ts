import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A user's choice of channels for one event; no row means both channels are on. */
@Entity('notification_preferences')
@Index('UQ_notification_preferences_user_event', ['userId', 'event'], { unique: true })
export class NotificationPreference {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ length: 64 })
  event!: string;

  @Column()
  email!: boolean;

  @Column()
  inApp!: boolean;
}
