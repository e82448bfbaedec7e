import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { SchedulerService } from '../scheduler/scheduler.service';
import { fireSlaTimers, type BreachEffects, type SlaFiredListener } from './breach-handler';
import { SLA_BREACH, SLA_WARNING } from './sla-clocks';

/**
 * Registers the warning and breach timer handlers with the scheduler. Other modules act on new warnings and
 * breaches through `onFired` (the requests module runs the routes' escalation handlers), so this module
 * needs none of theirs.
 */
@Injectable()
export class SlaTimers implements OnModuleInit {
  private readonly listeners: SlaFiredListener[] = [];

  constructor(
    private readonly scheduler: SchedulerService,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  /** Listeners run in the order registered, in the transaction that records the warnings or breaches. */
  onFired(listener: SlaFiredListener): void {
    this.listeners.push(listener);
  }

  onModuleInit(): void {
    const effects: BreachEffects = {
      mailDomain: this.config.mail.domain,
      audit: (manager, record, now) => this.audit.record(manager, null, record, now),
      auditAll: (manager, records, now) => this.audit.recordMany(manager, null, records, now),
      fired: async (manager, kind, firings, now) => {
        for (const listener of this.listeners) await listener(manager, kind, firings, now);
      },
    };
    this.scheduler.registerBatch(SLA_WARNING, (jobs, manager, now) => fireSlaTimers('warning', jobs, manager, now, effects));
    this.scheduler.registerBatch(SLA_BREACH, (jobs, manager, now) => fireSlaTimers('breach', jobs, manager, now, effects));
  }
}
