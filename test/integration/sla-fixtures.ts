import type { EntityManager } from 'typeorm';
import { User } from '../../server/src/auth/entities/user.entity';
import { Workgroup } from '../../server/src/auth/entities/workgroup.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { SlaCalendar } from '../../server/src/sla/entities/sla-calendar.entity';
import { SlaPolicy } from '../../server/src/sla/entities/sla-policy.entity';

const CREATED = new Date('2026-03-01T00:00:00Z');

/**
 * A request row with the given fields; every other required column gets a neutral value read from the
 * entity's metadata, so SLA tests do not break when the requests module adds columns.
 */
export async function insertRequest(manager: EntityManager, fields: Partial<CustomerRequest>): Promise<CustomerRequest> {
  const { identifiers } = await manager.insert(CustomerRequest, requestRow(manager, fields) as never);
  return manager.findOneByOrFail(CustomerRequest, { id: identifiers[0].id as number });
}

/** The column values of such a request row, for multi-row inserts. */
export function requestRow(manager: EntityManager, fields: Partial<CustomerRequest>): Record<string, unknown> {
  const values: Record<string, unknown> = { number: `REQ-${Math.random().toString(36).slice(2, 10)}`, type: 'incident', status: 'new', isOpen: true, subject: 'Printer on fire', createdAt: CREATED, updatedAt: CREATED, version: 1, ...fields };
  for (const column of manager.connection.getMetadata(CustomerRequest).columns) {
    const name = column.propertyName;
    if (name in values || column.isGenerated || column.isNullable || column.default !== undefined) continue;
    values[name] = column.type === 'varchar' || column.type === 'text' ? '' : column.type === Boolean || column.type === 'boolean' ? false : column.type === 'datetime' ? CREATED : 0;
  }
  return values;
}

export async function insertUser(manager: EntityManager, login: string, locale = 'en'): Promise<number> {
  const { identifiers } = await manager.insert(User, { login, name: login, email: `${login}@example.com`, passwordHash: 'x', active: true, locale, timeZone: 'UTC', createdAt: CREATED, updatedAt: CREATED });
  return identifiers[0].id as number;
}

export async function insertWorkgroup(manager: EntityManager, code: string, managerId: number | null, parentId: number | null, memberIds: number[] = []): Promise<number> {
  const { identifiers } = await manager.insert(Workgroup, { code, name: code, managerId, parentId, active: true, qualificationLevel: 1, specialisation: null, territory: null });
  const id = identifiers[0].id as number;
  for (const userId of memberIds) await manager.query('INSERT INTO workgroup_members (workgroupId, userId) VALUES (?, ?)', [id, userId]);
  return id;
}

/** Moscow office hours 09–18 on weekdays, and 24x7; a VIP policy and a catch-all with clock rules by status. */
export async function insertSlaSetup(manager: EntityManager): Promise<{ office: number; always: number; vip: SlaPolicy; standard: SlaPolicy }> {
  const calendar = (code: string, definition: SlaCalendar['definition']) => manager.save(manager.create(SlaCalendar, { code, name: code, definition, createdAt: CREATED, updatedAt: CREATED }));
  const office = await calendar('office-msk', { timeZone: 'Europe/Moscow', hours: { start: '09:00', end: '18:00' } });
  const always = await calendar('24x7-msk', { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5, 6, 7] });
  const clockRules: SlaPolicy['clockRules'] = [
    { action: 'pause', clocks: ['reaction', 'resolution'], when: { '==': [{ var: 'request.status' }, 'waiting_customer'] } },
    { action: 'stop', clocks: ['reaction'], when: { in: [{ var: 'request.status' }, ['in_progress', 'resolved']] } },
    { action: 'stop', clocks: ['resolution'], when: { '==': [{ var: 'request.status' }, 'resolved'] } },
    { action: 'reset', clocks: ['resolution'], when: { '==': [{ var: 'request.status' }, 'reopened'] } },
  ];
  const policy = (code: string, rank: number, condition: SlaPolicy['condition'], calendarId: number, targets: SlaPolicy['targets']) =>
    manager.save(manager.create(SlaPolicy, { code, name: code, active: true, rank, condition, calendarId, targets, stepLimits: { triage: 120 }, clockRules, warningPercent: 75, createdAt: CREATED, updatedAt: CREATED }));
  const vip = await policy('vip', 10, { '==': [{ var: 'client.category' }, 'VIP'] }, office.id, { '1': { reactionMinutes: 30, resolutionMinutes: 240 }, '2': { reactionMinutes: 60, resolutionMinutes: 480 } });
  const standard = await policy('standard', 100, null, always.id, { '2': { reactionMinutes: 240, resolutionMinutes: 2880 } });
  return { office: office.id, always: always.id, vip, standard };
}
