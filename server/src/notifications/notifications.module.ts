import { Inject, Logger, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { SchedulerService } from '../scheduler/scheduler.service';
import { OutboxSender } from './outbox-sender';
import { SmtpTransport } from './smtp-transport';

/** Sends the outbox on every scheduler tick when an SMTP server is configured; without one, mail waits in the outbox. */
@Module({ imports: [SchedulerModule] })
export class NotificationsModule implements OnModuleInit, OnModuleDestroy {
  private transport: SmtpTransport | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    if (!this.config.mail.smtpUrl) {
      new Logger('notifications').warn('DOCKET_SMTP_URL is not set: notification mail stays in the outbox until it is');
      return;
    }
    this.transport = new SmtpTransport(this.config.mail.smtpUrl, this.config.mail.from);
    const sender = new OutboxSender(this.dataSource, this.transport);
    this.scheduler.registerPeriodic('outbox', (clock) => sender.drain(clock));
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
