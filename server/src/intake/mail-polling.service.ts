import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import type { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { SchedulerService } from '../scheduler/scheduler.service';
import { SecretBox } from '../common/secret-box';
import { Mailbox, MAILBOX_PASSWORD } from './entities/mailbox.entity';
import { mailboxActor } from './mailbox-actor';
import { fetchNewMail } from './mail-fetch';
import { MailIntakeService } from './mail-intake.service';
import { MAIL_POLL_JOB, schedulePoll } from './mail-poll-job';

interface PollAnswer {
  /** Why the mailbox could not be read, or null. */
  error: string | null;
  more: boolean;
}

/**
 * Polls each active mailbox as a chain of leased timers (`mail.poll`), so one process at a time reads a
 * mailbox. The poll is the timer's call: it reads the server and takes each message in in a transaction of its
 * own (see MailIntakeService), so a poll cut short by a dying process is repeated by another from where the
 * last committed message left the mailbox, and its Message-IDs keep anything from acting twice. The timer's
 * own transaction records how the poll went and schedules the next one.
 */
@Injectable()
export class MailPollingService implements OnModuleInit {
  private readonly logger = new Logger('mail-intake');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerService,
    private readonly intake: MailIntakeService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly secrets: SecretBox,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(MAIL_POLL_JOB, { call: (job: ScheduledJob) => this.poll(job.subjectId ?? 0), record: (job, answer: PollAnswer, manager, now) => this.recordPoll(job.subjectId ?? 0, answer, manager, now) });
  }

  private async poll(mailboxId: number): Promise<PollAnswer> {
    const mailbox = await this.dataSource.getRepository(Mailbox).createQueryBuilder('m').addSelect('m.password').where('m.id = :mailboxId', { mailboxId }).getOne();
    if (!mailbox?.active) return { error: null, more: false };
    const actor = await mailboxActor(this.dataSource.manager, mailbox.operatorId);
    if (!actor) return { error: 'The user this mailbox registers mail as is deactivated or gone; choose another.', more: false };
    try {
      const { maxMessageBytes, timeoutMs, messagesPerPoll } = this.config.mailIntake;
      const fetched = await fetchNewMail({ ...mailbox, password: this.secrets.open(mailbox.password, MAILBOX_PASSWORD) }, mailbox, { maxMessageBytes, maxBatchBytes: maxMessageBytes, maxMessages: messagesPerPoll, timeoutMs });
      for (const message of fetched.messages) await this.intake.take(mailbox, actor, fetched.uidValidity, message);
      return { error: null, more: fetched.more };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ mailbox: mailbox.code, error: message });
      return { error: message.slice(0, 1000), more: false };
    }
  }

  private async recordPoll(mailboxId: number, answer: PollAnswer, manager: EntityManager, now: Date): Promise<void> {
    const mailbox = await manager.findOneBy(Mailbox, { id: mailboxId });
    // A deactivated or removed mailbox's chain ends here; activating it again starts a new one.
    if (!mailbox?.active) return;
    await manager.update(Mailbox, { id: mailboxId }, { lastPolledAt: now, lastError: answer.error });
    await schedulePoll(manager, mailboxId, answer.more ? now : new Date(now.getTime() + mailbox.pollSeconds * 1000), now);
  }
}
