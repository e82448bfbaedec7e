import type { EntityManager } from 'typeorm';
import { entityColumns } from '../../database/entity-rows';
import { Comment } from '../entities/comment.entity';
import { Discussion } from '../entities/discussion.entity';

export type DiscussionThread = Discussion & { comments: Comment[] };

/** A request's discussions, each with its comments, oldest first: one read joining the two tables. */
export async function discussionThreads(manager: EntityManager, requestId: number): Promise<DiscussionThread[]> {
  const discussions = entityColumns(manager, Discussion);
  const comments = entityColumns(manager, Comment);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${discussions.select('d', 'd_')}, ${comments.select('c', 'c_')} FROM request_discussions d
     LEFT JOIN request_comments c ON c.discussionId = d.id AND c.requestId = d.requestId
     WHERE d.requestId = ? ORDER BY d.id, c.id`,
    [requestId],
  );
  const threads = new Map<number, DiscussionThread>();
  for (const row of rows) {
    const id = Number(row.d_id);
    let thread = threads.get(id);
    if (!thread) threads.set(id, (thread = { ...discussions.hydrate(row, 'd_'), comments: [] }));
    if (row.c_id !== null) thread.comments.push(comments.hydrate(row, 'c_'));
  }
  return [...threads.values()];
}
