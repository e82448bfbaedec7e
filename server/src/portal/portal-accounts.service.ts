import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/docket-error';
import { Client } from '../directory/entities/client.entity';
import { ContactPerson } from '../directory/entities/contact-person.entity';
import type { BindCustomerDto } from './portal.dto';

export interface CustomerBinding {
  userId: number;
  clientId: number | null;
  contactPersonId: number | null;
}

/** Binds users to clients: a bound user is a customer, who may use the portal and nothing else. */
@Injectable()
export class PortalAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async bind(actor: Principal, userId: number, body: BindCustomerDto, now = new Date()): Promise<CustomerBinding> {
    const clientId = body.clientId;
    const contactPersonId = clientId === null ? null : (body.contactPersonId ?? null);
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(User, { id: userId });
      if (!user) throw notFound('User', userId);
      if (clientId !== null) {
        const details = [];
        if (!(await manager.existsBy(Client, { id: clientId }))) details.push({ path: 'clientId', message: `unknown client ${clientId}` });
        if (contactPersonId !== null && !(await manager.existsBy(ContactPerson, { id: contactPersonId, clientId }))) details.push({ path: 'contactPersonId', message: 'not a contact person of the client' });
        if (user.partnerId !== null) details.push({ path: 'clientId', message: "the user is a partner's user" });
        if (details.length) throw badRequest('invalid_customer', 'The customer binding is not valid', details);
      }
      if (user.clientId === clientId && user.contactPersonId === contactPersonId) return;
      await manager.update(User, { id: userId }, { clientId, contactPersonId, updatedAt: now });
      const changes = [
        { field: 'clientId', old: user.clientId, new: clientId },
        { field: 'contactPersonId', old: user.contactPersonId, new: contactPersonId },
      ].filter((change) => change.old !== change.new);
      await this.audit.record(manager, actor, { entityType: 'user', entityId: userId, action: 'customer', changes }, now);
    });
    return { userId, clientId, contactPersonId };
  }
}
