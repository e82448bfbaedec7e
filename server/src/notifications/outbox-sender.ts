import type { DataSource } from 'typeorm';
import { LeasedQueue } from '../scheduler/leased-queue';
import { OutboxMessage } from './entities/outbox-message.entity';
import { attachmentsOf, purgeSentAttachments, type MailAttachment } from './outbox-attachments';

/** Delivers one message with the files of its event; throws when the mail server did not accept it. */
export interface MailTransport {
  deliver(message: OutboxMessage, attachments: readonly MailAttachment[]): Promise<void>;
}

/** With retries 30 s, 2 min, 8 min, 32 min and then hourly (the default base), twelve attempts outlast a mail server down for more than seven hours. */
export const MAX_MAIL_ATTEMPTS = 12;

export interface DrainReport {
  sent: number;
  failed: number;
}

/**
 * Works off the outbox: claims due messages under a lease, hands each to the transport and marks it
 * sent. A message is marked only after the mail server accepted it, so a crash in between can resend
 * it once, with the same Message-ID; a lost lease never does.
 */
export class OutboxSender {
  readonly queue: LeasedQueue<OutboxMessage>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MailTransport,
    private readonly options: { batchSize: number; leaseMs: number; instance?: string; retryBaseMs?: number } = { batchSize: 100, leaseMs: 120_000 },
  ) {
    this.queue = new LeasedQueue(dataSource, OutboxMessage, options.instance);
  }

  async drain(clock: () => Date): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, failed: 0 };
    for (;;) {
      const batch = await this.queue.claim({ now: clock(), limit: this.options.batchSize, leaseMs: this.options.leaseMs });
      if (batch.length === 0) return report;
      const attachments = await attachmentsOf(this.dataSource.manager, batch.map((message) => message.eventKey));
      for (const message of batch) {
        try {
          await this.transport.deliver(message, attachments.get(message.eventKey) ?? []);
          await this.queue.complete(message, clock(), async () => undefined);
          report.sent++;
        } catch (error) {
          report.failed++;
          await this.queue.fail(message, clock(), error, MAX_MAIL_ATTEMPTS, this.options.retryBaseMs);
        }
      }
      await purgeSentAttachments(this.dataSource.manager, [...attachments.keys()]);
    }
  }
}
