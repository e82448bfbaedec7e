import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** One comment in a discussion; `body` is sanitised HTML, `mentions` the logins it names. */
@Entity('request_comments')
@Index('IDX_request_comments_discussion', ['discussionId'])
export class Comment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  discussionId!: number;

  @Column({ type: 'int' })
  requestId!: number;

  @Column({ type: 'int', nullable: true })
  authorId!: number | null;

  @Column({ length: 64 })
  authorLogin!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'simple-json' })
  mentions!: string[];

  @InstantColumn()
  createdAt!: Date;
}
