import { useEffect, useMemo, useState } from 'react';
import { get } from '../../api/client';
import { describeError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import type { QueueMember } from './types';

export interface QueueStaff {
  /** Everyone read so far, by user id: assignees are shown by name. */
  byId: Map<number, QueueMember>;
  /** The active staff of the given queues (as read so far), by name; someone in several of them once. */
  of(queueIds: number[]): QueueMember[];
  error: string | null;
}

/** Reads GET /api/queues/:id/members once per queue as queues come into view, and keeps what it read. */
export function useQueueStaff(queueIds: number[]): QueueStaff {
  const i18n = useI18n();
  const [byQueue, setByQueue] = useState<Record<number, QueueMember[]>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const wanted = [...new Set(queueIds)].sort((a, b) => a - b).join(',');

  useEffect(() => {
    const missing = wanted ? wanted.split(',').map(Number).filter((id) => !(id in byQueue)) : [];
    if (!missing.length) return;
    // Marked as read at once (empty), so a slow answer is not asked for twice.
    setByQueue((current) => ({ ...current, ...Object.fromEntries(missing.map((id) => [id, []])) }));
    for (const id of missing) {
      get<QueueMember[]>(`/queues/${id}/members`).then(
        (members) => setByQueue((current) => ({ ...current, [id]: members })),
        (error: unknown) => setFailure(error),
      );
    }
  }, [wanted, byQueue]);

  return useMemo(() => {
    const byId = new Map(Object.values(byQueue).flat().map((member) => [member.id, member]));
    const of = (ids: number[]) => [...new Map(ids.flatMap((id) => byQueue[id] ?? []).map((member) => [member.id, member])).values()].filter((member) => member.active).sort((a, b) => a.displayName.localeCompare(b.displayName));
    return { byId, of, error: failure === null ? null : describeError(failure, i18n) };
  }, [byQueue, failure, i18n]);
}
