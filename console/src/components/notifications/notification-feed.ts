import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationView } from '../../../../server/src/notifications/my-notifications.service';
import { get, post } from '../../api/client';
import type { Page, Wire } from '../../api/types';

export type NotificationRow = Wire<NotificationView>;
type Listing = Page<NotificationRow> & { unread: number };

const RECENT = 10;
/** A safety net under the stream (a proxy that buffers events, a stream that died silently): cheap, and rare. */
const POLL_MS = 60_000;
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;

export interface NotificationFeed {
  unread: number;
  items: NotificationRow[];
  loading: boolean;
  reload(): void;
  markRead(id: number): Promise<void>;
  markAllRead(): Promise<void>;
}

/**
 * The signed-in user's unread count and latest notifications, kept live by the server-sent stream. An
 * EventSource cannot send the bearer token, so each connection is opened with a fresh one-time ticket, and a
 * stream that ends or fails is replaced by a new one (its browser-side retry would reuse the spent ticket).
 */
export function useNotificationFeed(unreadOnly: boolean): NotificationFeed {
  const [listing, setListing] = useState<Listing>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const call = ++latest.current;
    setLoading(true);
    get<Listing>('/me/notifications', { pageSize: RECENT, unread: unreadOnly ? 'true' : undefined }).then(
      (result) => {
        if (call === latest.current) setListing(result);
      },
      () => undefined,
    ).finally(() => {
      if (call === latest.current) setLoading(false);
    });
  }, [unreadOnly]);

  useEffect(() => {
    reload();
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MIN_MS;
    let stopped = false;
    const again = () => {
      source?.close();
      source = null;
      if (stopped) return;
      retry = setTimeout(() => void open(), delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    };
    const open = async () => {
      let url: string;
      try {
        ({ url } = await post<{ url: string }>('/me/notifications/stream-ticket'));
      } catch {
        again();
        return;
      }
      if (stopped) return;
      source = new EventSource(url);
      // A new stream sends only rows from now on: the list is read again so nothing from the gap is missed.
      source.addEventListener('ready', () => {
        delay = RETRY_MIN_MS;
        reload();
      });
      source.addEventListener('notification', (event) => {
        const row = JSON.parse((event as MessageEvent<string>).data) as NotificationRow;
        setListing((current) => current && { ...current, unread: current.unread + (row.read ? 0 : 1), total: current.total + 1, items: [row, ...current.items.filter((item) => item.id !== row.id)].slice(0, RECENT) });
      });
      source.addEventListener('expired', again);
      source.onerror = again;
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [reload]);

  const markRead = useCallback(async (id: number) => {
    const row = await post<NotificationRow>(`/me/notifications/${id}/read`);
    setListing((current) => current && { ...current, unread: Math.max(0, current.unread - (current.items.find((item) => item.id === id && !item.read) ? 1 : 0)), items: current.items.map((item) => (item.id === id ? row : item)) });
  }, []);

  const markAllRead = useCallback(async () => {
    await post('/me/notifications/read-all');
    reload();
  }, [reload]);

  return { unread: listing?.unread ?? 0, items: listing?.items ?? [], loading, reload, markRead, markAllRead };
}
