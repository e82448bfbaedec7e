import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { SchedulerService } from '../scheduler/scheduler.service';
import { fireSlaTimer, type BreachEffects } from './breach-handler';
import { SLA_BREACH, SLA_WARNING } from './sla-clocks';

/** Registers the warning and breach timer handlers with the scheduler. */
@Injectable()
export class SlaTimers implements OnModuleInit {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  onModuleInit(): void {
    const effects: BreachEffects = { mailDomain: this.config.mail.domain, audit: (manager, record, now) => this.audit.record(manager, null, record, now) };
    this.scheduler.register(SLA_WARNING, (job, manager, now) => fireSlaTimer('warning', job, manager, now, effects));
    this.scheduler.register(SLA_BREACH, (job, manager, now) => fireSlaTimer('breach', job, manager, now, effects));
  }
}
