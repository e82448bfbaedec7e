import { Inject, Logger, Module, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { SchedulerService } from '../scheduler/scheduler.service';
import { MyNotificationsController } from './my-notifications.controller';
import { MyNotificationsService } from './my-notifications.service';
import { NotificationEvents } from './notification-events';
import { NotificationStreams } from './notification-stream';
import { OutboxSender } from './outbox-sender';
import { SmtpTransport } from './smtp-transport';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

/**
 * Notification templates, the one dispatch point for request events (NotificationEvents, exported for the
 * requests module; the SLA handlers call its Nest-free core directly), in-app notifications with their stream,
 * and the outbox sender: it sends on every scheduler tick when an SMTP server is configured; without one, mail
 * waits in the outbox. Imports nothing of requests or sla, so both may import it.
 */
@Module({
  imports: [SchedulerModule],
  controllers: [TemplatesController, MyNotificationsController],
  providers: [TemplatesService, MyNotificationsService, NotificationStreams, NotificationEvents],
  exports: [NotificationEvents],
})
export class NotificationsModule implements OnModuleInit, OnModuleDestroy, OnApplicationBootstrap {
  private transport: SmtpTransport | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly scheduler: SchedulerService,
    private readonly templates: TemplatesService,
  ) {}

  /** A fresh install has its templates to edit; an existing one gains those of events added since. */
  async onApplicationBootstrap(): Promise<void> {
    await this.templates.seedDefaults();
  }

  onModuleInit(): void {
    if (!this.config.mail.smtpUrl) {
      new Logger('notifications').warn('DOCKET_SMTP_URL is not set: notification mail stays in the outbox until it is');
      return;
    }
    this.transport = new SmtpTransport(this.config.mail.smtpUrl, this.config.mail.from);
    const sender = new OutboxSender(this.dataSource, this.transport, { batchSize: 100, leaseMs: 120_000, retryBaseMs: this.config.mail.retryBaseMs });
    this.scheduler.registerPeriodic('outbox', (clock) => sender.drain(clock));
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
