import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { MyNotificationsService, viewOf } from './my-notifications.service';

/** How often an open stream looks for new rows: the table, not in-process events, so rows any server process wrote arrive. */
export const STREAM_POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;
/** A stream ends after this long and the console opens a new one with a new ticket, which checks the user again. */
const STREAM_LIFETIME_MS = 30 * 60_000;

/**
 * Server-sent events of one user's notifications. Each open stream polls for the user's rows above the last
 * id it sent. Open streams are tracked so shutdown can end them (an open response would hold the server up).
 */
@Injectable()
export class NotificationStreams implements OnModuleDestroy {
  private readonly open = new Set<() => void>();

  constructor(private readonly notifications: MyNotificationsService) {}

  /** `lastEventId` (the browser's Last-Event-ID on reconnect) resumes after it; otherwise only rows from now on are sent. */
  async serve(response: ServerResponse, userId: number, lastEventId: number | null): Promise<void> {
    let lastId = lastEventId ?? (await this.notifications.lastId(userId));
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    response.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ unread: await this.notifications.unreadCount(userId) })}\n\n`);
    let polling = false;
    const poll = async () => {
      if (polling || response.writableEnded) return;
      polling = true;
      try {
        for (const row of await this.notifications.newerThan(userId, lastId)) {
          response.write(`id: ${row.id}\nevent: notification\ndata: ${JSON.stringify(viewOf(row))}\n\n`);
          lastId = row.id;
        }
      } catch {
        // A failed poll (the database restarting) is retried on the next tick; the stream stays open.
      } finally {
        polling = false;
      }
    };
    const timers = [setInterval(() => void poll(), STREAM_POLL_MS), setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS)];
    const close = () => {
      timers.forEach(clearInterval);
      clearTimeout(lifetime);
      this.open.delete(close);
      if (!response.writableEnded) response.end();
    };
    const lifetime = setTimeout(() => {
      response.write('event: expired\ndata: {}\n\n');
      close();
    }, STREAM_LIFETIME_MS);
    this.open.add(close);
    response.on('close', close);
  }

  onModuleDestroy(): void {
    [...this.open].forEach((close) => close());
  }
}
