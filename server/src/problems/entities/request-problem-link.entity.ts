import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** A request caused by a problem: at most one problem per request, hence the request as the key. */
@Entity('request_problem_links')
@Index('IDX_request_problem_links_problem', ['problemId'])
export class RequestProblemLink {
  @PrimaryColumn({ type: 'int' })
  requestId!: number;

  @Column({ type: 'int' })
  problemId!: number;

  /** Resolved when its problem was: such requests go back to work if the problem is reopened. */
  @Column({ default: false })
  resolvedByProblem!: boolean;

  @Column({ type: 'int', nullable: true })
  linkedById!: number | null;

  @InstantColumn()
  linkedAt!: Date;
}
