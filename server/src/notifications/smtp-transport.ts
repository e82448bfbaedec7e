import { createTransport, type Transporter } from 'nodemailer';
import type { OutboxMessage } from './entities/outbox-message.entity';
import type { MailAttachment } from './outbox-attachments';
import type { MailTransport } from './outbox-sender';

/** Sends outbox messages over SMTP (`smtp://user:pass@host:port`, `smtps://…`) as HTML plus text, threaded. */
export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // A pool keeps connections open between messages: one connection per mail costs a handshake each.
    this.transporter = createTransport({ url: smtpUrl, pool: true, maxConnections: 2 });
  }

  async deliver(message: OutboxMessage, attachments: readonly MailAttachment[]): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.recipient,
      subject: message.subject,
      text: message.text,
      html: message.html ?? undefined,
      messageId: message.messageId,
      inReplyTo: message.references.at(-1),
      references: message.references.length ? message.references : undefined,
      attachments: attachments.length ? attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })) : undefined,
    });
  }

  close(): void {
    this.transporter.close();
  }
}
