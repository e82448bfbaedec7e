import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { DOCKET_CONFIG } from '../../config/config.module';
import type { DocketConfig } from '../../config/docket-config';
import type { ScheduledJob } from '../../scheduler/entities/scheduled-job.entity';
import { SchedulerService } from '../../scheduler/scheduler.service';
import { attemptDelivery, scheduleWebhookAttempt, WEBHOOK_JOB, type DeliveryResult, type WebhookAttempt } from './webhook-delivery';
import { retryDelayMs } from '../../scheduler/leased-queue';

/**
 * Works off webhook timers: each attempt is a timer row, called outside any transaction; a failed one writes the
 * next attempt with a longer wait in the transaction that marks it done, so a crash loses no delivery. Every outcome is journalled on the request.
 * The receiver may see an attempt twice if the process dies between its answer and the commit: it should
 * deduplicate on X-Docket-Delivery.
 */
@Injectable()
export class WebhookDeliveryService implements OnModuleInit {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  onModuleInit(): void {
    this.scheduler.register(WEBHOOK_JOB, { call: (job: ScheduledJob) => attemptDelivery(job.payload as unknown as WebhookAttempt, this.config.webhooks), record: (job, result: DeliveryResult, manager) => this.recordAttempt(job, result, manager) });
  }

  private async recordAttempt(job: ScheduledJob, result: DeliveryResult, manager: EntityManager): Promise<void> {
    const attempt = job.payload as unknown as WebhookAttempt;
    const requestId = job.subjectId ?? 0;
    const now = new Date();
    const record = (action: string, extra: Record<string, unknown>) =>
      this.audit.record(manager, null, { entityType: 'request', entityId: requestId, action, changes: [{ field: 'webhook', old: null, new: { deliveryId: attempt.deliveryId, url: attempt.url, event: attempt.event, attempt: attempt.attempt, ...extra } }] }, now);
    if (result.outcome === 'delivered') return record('webhook.delivered', { status: result.status });
    if (result.outcome === 'refused') return record('webhook.refused', { reason: result.detail });
    if (attempt.attempt >= this.config.webhooks.maxAttempts) return record('webhook.failed', { attempts: attempt.attempt, error: result.detail });
    const dueAt = new Date(now.getTime() + retryDelayMs(attempt.attempt, this.config.webhooks.retryBaseMs));
    await scheduleWebhookAttempt(manager, requestId, { ...attempt, attempt: attempt.attempt + 1 }, dueAt, now);
    await record('webhook.attemptFailed', { error: result.detail, nextAttemptAt: dueAt.toISOString() });
  }
}
