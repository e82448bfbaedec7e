import { EntityManager, In } from 'typeorm';
import { normaliseEmail, phoneDigits } from './contact-normalise';
import { ContactOwner, ContactPoint } from './entities/contact-point.entity';

export interface ContactInfo {
  phones: { value: string; label: string }[];
  emails: { value: string; label: string }[];
}

const NORMALISE = { phone: phoneDigits, email: normaliseEmail };

/** Replaces the lists that are given (undefined leaves a list as it is). */
export async function replaceContactInfo(
  manager: EntityManager,
  ownerType: ContactOwner,
  ownerId: number,
  info: { phones?: { value: string; label?: string }[]; emails?: { value: string; label?: string }[] },
): Promise<void> {
  for (const [kind, list] of [['phone', info.phones], ['email', info.emails]] as const) {
    if (!list) continue;
    await manager.delete(ContactPoint, { ownerType, ownerId, kind });
    if (list.length) {
      await manager.insert(
        ContactPoint,
        list.map((entry) => ({ ownerType, ownerId, kind, value: entry.value.trim(), normalized: NORMALISE[kind](entry.value), label: entry.label ?? '' })),
      );
    }
  }
}

export async function loadContactInfo(manager: EntityManager, ownerType: ContactOwner, ownerIds: number[]): Promise<Map<number, ContactInfo>> {
  const byOwner = new Map<number, ContactInfo>(ownerIds.map((id) => [id, { phones: [], emails: [] }]));
  if (!ownerIds.length) return byOwner;
  const points = await manager.find(ContactPoint, { where: { ownerType, ownerId: In(ownerIds) }, order: { id: 'ASC' } });
  for (const point of points) byOwner.get(point.ownerId)?.[point.kind === 'phone' ? 'phones' : 'emails'].push({ value: point.value, label: point.label });
  return byOwner;
}

export async function removeContactInfo(manager: EntityManager, ownerType: ContactOwner, ownerId: number): Promise<void> {
  await manager.delete(ContactPoint, { ownerType, ownerId });
}

/** SQL for "this owner has a phone or e-mail matching :phone / :email", to add to a search with OR. */
export function contactPointMatch(ownerType: ContactOwner, alias: string, kind: 'phone' | 'email', parameter: string): string {
  return `EXISTS (SELECT 1 FROM contact_points cp_${kind} WHERE cp_${kind}.ownerType = '${ownerType}' AND cp_${kind}.ownerId = ${alias}.id AND cp_${kind}.kind = '${kind}' AND cp_${kind}.normalized LIKE :${parameter} ESCAPE '!')`;
}
