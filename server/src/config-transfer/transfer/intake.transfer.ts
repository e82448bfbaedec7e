import type { EntityManager } from 'typeorm';
import { Channel } from '../../directory/entities/channel.entity';
import { ContactPlace } from '../../directory/entities/contact-place.entity';
import { ContactTemplate } from '../../directory/entities/contact-template.entity';
import { Direction } from '../../directory/entities/direction.entity';
import { PlaceKind } from '../../directory/entities/place-kind.entity';
import { TopicNode } from '../../topics/entities/topic-node.entity';
import type { CodedEntryDoc, ConfigDocument, ContactTemplateDoc, IntakeDoc } from '../config-document';
import { parentsFirst, type ImportSession } from '../import-session';

/** The flat intake lists, each one entry: where it sits in the document and its entity. */
const CODED_LISTS = [
  { key: 'placeKinds', entity: PlaceKind },
  { key: 'channels', entity: Channel },
  { key: 'directions', entity: Direction },
] as const;

type Codes = Map<number, string>;
const codeOf = (codes: Codes, id: number | null) => (id === null ? null : (codes.get(id) ?? null));
const coded = ({ code, name, active, position }: CodedEntryDoc): CodedEntryDoc => ({ code, name, active, position });

export async function exportIntake(manager: EntityManager): Promise<Pick<ConfigDocument, 'intake'>> {
  const order = { order: { position: 'ASC' as const, code: 'ASC' as const } };
  const [placeKinds, channels, directions, places, templates, topics] = await Promise.all([
    manager.find(PlaceKind, order), manager.find(Channel, order), manager.find(Direction, order), manager.find(ContactPlace, order), manager.find(ContactTemplate, order), manager.find(TopicNode),
  ]);
  const codes = (rows: Array<{ id: number; code: string }>): Codes => new Map(rows.map((row) => [row.id, row.code]));
  const [kindCodes, channelCodes, directionCodes, placeCodes, topicCodes] = [codes(placeKinds), codes(channels), codes(directions), codes(places), codes(topics)];
  const intake: IntakeDoc = {
    placeKinds: placeKinds.map(coded),
    channels: channels.map(coded),
    directions: directions.map(coded),
    contactPlaces: places.map((place) => ({ ...coded(place), parentCode: codeOf(placeCodes, place.parentId), kindCode: codeOf(kindCodes, place.kindId) })),
    contactTemplates: templates.map(
      (template): ContactTemplateDoc => ({
        ...coded(template), placeKindCode: codeOf(kindCodes, template.placeKindId), allowedPlaceCodes: template.allowedPlaceIds.flatMap((id) => placeCodes.get(id) ?? []),
        defaultPlaceCode: codeOf(placeCodes, template.defaultPlaceId), directionCode: codeOf(directionCodes, template.directionId), channelCode: codeOf(channelCodes, template.channelId),
        allowedTopicCodes: template.allowedTopicIds.flatMap((id) => topicCodes.get(id) ?? []), defaultTopicCode: codeOf(topicCodes, template.defaultTopicId),
        allowedClientCategories: template.allowedClientCategories, defaultClientCategory: template.defaultClientCategory,
      }),
    ),
  };
  return { intake };
}

/** Lists, the place tree, then contact templates (without their operators: staff is not configuration). */
export async function importIntake(session: ImportSession, document: ConfigDocument): Promise<void> {
  const manager = session.manager;
  for (const { key, entity } of CODED_LISTS) {
    for (const { code, ...fields } of document.intake[key]) await session.upsert(key, code, entity, { code }, fields);
  }
  const ids = async (entity: typeof PlaceKind | typeof Channel | typeof Direction | typeof ContactPlace | typeof TopicNode) => new Map((await manager.find(entity)).map((row) => [row.code, row.id]));
  const kinds = await ids(PlaceKind);
  const places = await ids(ContactPlace);
  for (const { item: doc, index } of parentsFirst(document.intake.contactPlaces, (place) => place.code, (place) => place.parentCode)) {
    const resolve = referenceResolver(session, `intake.contactPlaces.${index}`);
    const parentId = resolve('parentCode', places, doc.parentCode, 'contact place');
    const kindId = resolve('kindCode', kinds, doc.kindCode, 'place kind');
    const { row } = await session.upsert('contactPlaces', doc.code, ContactPlace, { code: doc.code }, { name: doc.name, active: doc.active, position: doc.position, parentId, kindId });
    places.set(doc.code, row.id);
  }
  const [channels, directions, topics] = [await ids(Channel), await ids(Direction), await ids(TopicNode)];
  for (const [index, doc] of document.intake.contactTemplates.entries()) {
    const resolve = referenceResolver(session, `intake.contactTemplates.${index}`);
    await session.upsert('contactTemplates', doc.code, ContactTemplate, { code: doc.code }, {
      name: doc.name, active: doc.active, position: doc.position,
      placeKindId: resolve('placeKindCode', kinds, doc.placeKindCode, 'place kind'),
      allowedPlaceIds: doc.allowedPlaceCodes.flatMap((code, at) => resolve(`allowedPlaceCodes.${at}`, places, code, 'contact place') ?? []),
      defaultPlaceId: resolve('defaultPlaceCode', places, doc.defaultPlaceCode, 'contact place'),
      directionId: resolve('directionCode', directions, doc.directionCode, 'direction'),
      channelId: resolve('channelCode', channels, doc.channelCode, 'channel'),
      allowedTopicIds: doc.allowedTopicCodes.flatMap((code, at) => resolve(`allowedTopicCodes.${at}`, topics, code, 'topic') ?? []),
      defaultTopicId: resolve('defaultTopicCode', topics, doc.defaultTopicCode, 'topic'),
      allowedClientCategories: doc.allowedClientCategories,
      defaultClientCategory: doc.defaultClientCategory,
    });
  }
}

/** Code → id, or a problem at the field's path when the code is unknown. */
function referenceResolver(session: ImportSession, prefix: string) {
  return (field: string, ids: ReadonlyMap<string, number>, code: string | null, what: string): number | null => {
    if (code === null) return null;
    const id = ids.get(code);
    if (id === undefined) session.refuse(`${prefix}.${field}`, `unknown ${what} "${code}"`);
    return id ?? null;
  };
}
