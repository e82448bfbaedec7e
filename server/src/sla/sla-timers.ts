import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { SchedulerService } from '../scheduler/scheduler.service';
import { fireSlaTimers, type BreachEffects } from './breach-handler';
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
    const effects: BreachEffects = { mailDomain: this.config.mail.domain, audit: (manager, record, now) => this.audit.record(manager, null, record, now), auditAll: (manager, records, now) => this.audit.recordMany(manager, null, records, now) };
    this.scheduler.registerBatch(SLA_WARNING, (jobs, manager, now) => fireSlaTimers('warning', jobs, manager, now, effects));
    this.scheduler.registerBatch(SLA_BREACH, (jobs, manager, now) => fireSlaTimers('breach', jobs, manager, now, effects));
  }
}
