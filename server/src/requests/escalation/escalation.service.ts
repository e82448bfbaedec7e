import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { conflict } from '../../common/docket-error';
import { DOCKET_CONFIG } from '../../config/config.module';
import type { DocketConfig } from '../../config/docket-config';
import { enqueueMail } from '../../notifications/outbox';
import { escalationRecipients } from '../../sla/escalation-chain';
import { workableRequest } from '../processing/request-access';
import { RequestEscalation } from './entities/request-escalation.entity';
import { escalationMail } from './escalation-mail';

export class EscalateUpDto {
  @ApiProperty({ description: 'why the management chain is asked to step in' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

/**
 * Vertical escalation: the managers up the workgroup tree of the request's assignee (or of its queue
 * when nobody is assigned) hear of it by mail. The chain is the one SLA breaches use.
 */
@Injectable()
export class EscalationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  async escalateUp(actor: Principal, id: number, body: EscalateUpDto, now = new Date()): Promise<RequestEscalation> {
    return this.dataSource.transaction(async (manager) => {
      const request = await workableRequest(manager, actor, id);
      const recipients = (await escalationRecipients(manager, request.assigneeId, request.queueId)).filter((recipient) => recipient.role === 'manager');
      if (!recipients.length) throw conflict('no_management_chain', 'Nobody manages the workgroups of this request’s assignee or queue', [{ path: 'id', message: 'no manager to escalate to' }]);
      const escalation = await manager.save(
        manager.create(RequestEscalation, { requestId: id, reason: body.reason, actorId: actor.userId, actorLogin: actor.login, recipients: recipients.map(({ userId, email }) => ({ userId, email })), createdAt: now }),
      );
      for (const recipient of recipients) {
        const mail = escalationMail({ requestNumber: request.number, subject: request.subject, reason: body.reason, raisedBy: actor.login }, recipient.locale);
        await enqueueMail(manager, { eventKey: `request:${id}:escalation:${escalation.id}`, recipient: recipient.email, ...mail }, now, this.config.mail.domain);
      }
      await this.audit.record(manager, actor, { entityType: 'request', entityId: id, action: 'escalate.up', changes: [{ field: 'escalatedTo', old: null, new: recipients.map((recipient) => recipient.userId) }, { field: 'reason', old: null, new: body.reason }] }, now);
      return escalation;
    });
  }
}
