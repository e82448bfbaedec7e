import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { bool, id, instant, int, json, longText, smallint, varchar } from './columns';

const codedList = (name: string) =>
  new Table({
    name,
    columns: [id(), varchar('code', 64), varchar('name', 200), bool('active', true), int('position', { default: 0 })],
    indices: [new TableIndex({ name: `UQ_${name}_code`, columnNames: ['code'], isUnique: true })],
  });

/** The directory (clients, contact persons, partners, prospects) and intake configuration (places, channels, directions, templates). */
export class Directory1764100001000 implements MigrationInterface {
  name = 'Directory1764100001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(
      new Table({
        name: 'clients',
        columns: [
          id(),
          varchar('kind', 16),
          varchar('name', 300),
          varchar('searchName', 300),
          varchar('category', 64, { isNullable: true }),
          smallint('priority', { default: 3 }),
          varchar('groupName', 200, { isNullable: true }),
          varchar('region', 64, { isNullable: true }),
          varchar('address', 1000, { default: "''" }),
          bool('prospect', false),
          bool('active', true),
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'IDX_clients_search_name', columnNames: ['searchName'] }), new TableIndex({ name: 'IDX_clients_category', columnNames: ['category'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'contact_points',
        columns: [id(), varchar('ownerType', 16), int('ownerId'), varchar('kind', 8), varchar('value', 254), varchar('normalized', 254), varchar('label', 100, { default: "''" })],
        indices: [
          new TableIndex({ name: 'IDX_contact_points_owner', columnNames: ['ownerType', 'ownerId'] }),
          new TableIndex({ name: 'IDX_contact_points_lookup', columnNames: ['kind', 'normalized'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'client_contracts',
        columns: [id(), int('clientId'), varchar('number', 64), varchar('startsOn', 10), varchar('endsOn', 10, { isNullable: true }), varchar('description', 1000, { default: "''" })],
        indices: [
          new TableIndex({ name: 'UQ_client_contracts_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({ name: 'IDX_client_contracts_client', columnNames: ['clientId'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'client_services',
        columns: [id(), int('clientId'), varchar('serviceCode', 64), varchar('name', 200), varchar('slaLevel', 64), smallint('businessPriority', { default: 3 }), varchar('contractNumber', 64, { isNullable: true })],
        indices: [new TableIndex({ name: 'IDX_client_services_client', columnNames: ['clientId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'client_notes',
        columns: [id(), int('clientId'), longText('text'), int('authorId', { isNullable: true }), varchar('authorLogin', 64), instant('at')],
        indices: [new TableIndex({ name: 'IDX_client_notes_client', columnNames: ['clientId'] })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'contact_persons',
        columns: [id(), int('clientId', { isNullable: true }), varchar('name', 300), varchar('searchName', 300), varchar('position', 200, { default: "''" }), bool('active', true)],
        indices: [
          new TableIndex({ name: 'IDX_contact_persons_client', columnNames: ['clientId'] }),
          new TableIndex({ name: 'IDX_contact_persons_search_name', columnNames: ['searchName'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'partners',
        columns: [id(), varchar('code', 64), varchar('name', 300), varchar('searchName', 300), varchar('description', 1000, { default: "''" }), bool('active', true)],
        indices: [
          new TableIndex({ name: 'UQ_partners_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'IDX_partners_search_name', columnNames: ['searchName'] }),
        ],
      }),
    );
    for (const name of ['place_kinds', 'channels', 'directions']) await runner.createTable(codedList(name));
    await runner.createTable(
      new Table({
        name: 'contact_places',
        columns: [id(), varchar('code', 64), varchar('name', 200), int('parentId', { isNullable: true }), int('kindId', { isNullable: true }), bool('active', true), int('position', { default: 0 })],
        indices: [
          new TableIndex({ name: 'UQ_contact_places_code', columnNames: ['code'], isUnique: true }),
          new TableIndex({ name: 'IDX_contact_places_parent', columnNames: ['parentId'] }),
        ],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'contact_templates',
        columns: [
          id(),
          varchar('code', 64),
          varchar('name', 200),
          int('placeKindId', { isNullable: true }),
          json('allowedPlaceIds'),
          int('defaultPlaceId', { isNullable: true }),
          int('directionId', { isNullable: true }),
          int('channelId', { isNullable: true }),
          json('allowedTopicIds'),
          int('defaultTopicId', { isNullable: true }),
          json('allowedClientCategories'),
          varchar('defaultClientCategory', 64, { isNullable: true }),
          bool('active', true),
          int('position', { default: 0 }),
        ],
        indices: [new TableIndex({ name: 'UQ_contact_templates_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await runner.createTable(
      new Table({
        name: 'contact_template_operators',
        columns: [int('templateId', { isPrimary: true }), int('userId', { isPrimary: true })],
        indices: [new TableIndex({ name: 'IDX_contact_template_operators_user', columnNames: ['userId'] })],
      }),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const tables = ['contact_template_operators', 'contact_templates', 'contact_places', 'directions', 'channels', 'place_kinds', 'partners', 'contact_persons', 'client_notes', 'client_services', 'client_contracts', 'contact_points', 'clients'];
    for (const table of tables) await runner.dropTable(table);
  }
}
