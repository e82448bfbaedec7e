import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** Kept in the database so that the login limit holds across every server process. */
@Entity('login_attempts')
@Index('IDX_login_attempts_login_at', ['login', 'at'])
@Index('IDX_login_attempts_ip_at', ['ip', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  login!: string;

  @Column({ length: 64 })
  ip!: string;

  @InstantColumn()
  at!: Date;

  @Column()
  succeeded!: boolean;
}
