import type { EntityManager } from 'typeorm';
import { cachedConfiguration } from '../../database/configuration-cache';
import { Channel } from '../entities/channel.entity';
import { ContactPlace } from '../entities/contact-place.entity';
import { ContactTemplateOperator } from '../entities/contact-template-operator.entity';
import { ContactTemplate } from '../entities/contact-template.entity';
import { Direction } from '../entities/direction.entity';

/** What every registration consults about how contacts arrive: intake lists and operators' templates. */
export interface IntakeConfiguration {
  channels: ReadonlyMap<number, Channel>;
  directions: ReadonlyMap<number, Direction>;
  places: ReadonlyMap<number, ContactPlace>;
  templates: ReadonlyMap<number, ContactTemplate>;
  /** Each operator's templates, lowest id first. */
  templateIdsByOperator: ReadonlyMap<number, readonly number[]>;
}

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/** The intake lists and templates, from the configuration cache. */
export function intakeConfiguration(manager: EntityManager): Promise<IntakeConfiguration> {
  return cachedConfiguration(manager, 'intake', async () => {
    const templateIdsByOperator = new Map<number, number[]>();
    for (const link of await manager.find(ContactTemplateOperator, { order: { templateId: 'ASC' } })) templateIdsByOperator.set(link.userId, [...(templateIdsByOperator.get(link.userId) ?? []), link.templateId]);
    return {
      channels: byId(await manager.find(Channel)),
      directions: byId(await manager.find(Direction)),
      places: byId(await manager.find(ContactPlace)),
      templates: byId(await manager.find(ContactTemplate)),
      templateIdsByOperator,
    };
  });
}

/** The active templates given to an operator, in the order the console offers them (position, then code): the first is their default. */
export function operatorTemplates(intake: IntakeConfiguration, operatorId: number): ContactTemplate[] {
  const templates = (intake.templateIdsByOperator.get(operatorId) ?? []).map((id) => intake.templates.get(id)).filter((template): template is ContactTemplate => template?.active === true);
  return templates.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
}

/** The codes rules read as `contact.channel`, `contact.direction` and `contact.place`. */
export function contactCodes(intake: IntakeConfiguration, contact: { channelId: number | null; directionId: number | null; placeId: number | null }): { channel: string | null; direction: string | null; place: string | null } {
  const codeOf = (map: ReadonlyMap<number, { code: string }>, id: number | null) => (id === null ? null : (map.get(id)?.code ?? null));
  return { channel: codeOf(intake.channels, contact.channelId), direction: codeOf(intake.directions, contact.directionId), place: codeOf(intake.places, contact.placeId) };
}
