import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import { ClientsService, REGION_DICTIONARY } from './clients/clients.service';
import { ContactTemplatesService } from './intake/contact-templates.service';
import { CodedListName, IntakeListsService } from './intake/intake-lists.service';
import { PeopleService } from './people/people.service';

const REGIONS: [code: string, name: string, parent: string | null][] = [
  ['NW', 'North-West', null],
  ['PSKOV', 'Pskov region', 'NW'],
  ['PSKOV_CITY', 'Pskov', 'PSKOV'],
  ['VELIKIE_LUKI', 'Velikie Luki', 'PSKOV'],
  ['SPB', 'Saint Petersburg', 'NW'],
  ['CENTRAL', 'Central', null],
  ['MOSCOW', 'Moscow', 'CENTRAL'],
];

const CODED: Record<CodedListName, [string, string][]> = {
  channels: [['PHONE', 'Phone'], ['EMAIL', 'E-mail'], ['WEB', 'Web form']],
  directions: [['INBOUND', 'Inbound'], ['OUTBOUND', 'Outbound']],
  'place-kinds': [['CALL_CENTRE', 'Call centre'], ['OFFICE', 'Office']],
};

/**
 * The demo's dictionaries, intake configuration and directory, loaded once (the REGION dictionary marks it
 * as loaded) through the same services as the API, so the journal shows it like any other change.
 */
@Injectable()
export class DirectoryDemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dictionaries: DictionariesService,
    private readonly lists: IntakeListsService,
    private readonly templates: ContactTemplatesService,
    private readonly clients: ClientsService,
    private readonly people: PeopleService,
  ) {}

  async seedOnce(operatorLogin: string): Promise<void> {
    if (await this.dictionaries.findByCode(REGION_DICTIONARY)) return;
    const region = await this.dictionaries.create(null, { code: REGION_DICTIONARY, name: 'Region', hierarchical: true });
    for (const [position, [code, name, parentCode]] of REGIONS.entries()) await this.dictionaries.createItem(null, region.id, { code, name, parentCode, position });
    const category = await this.dictionaries.create(null, { code: 'CLIENT_CATEGORY', name: 'Client category' });
    for (const [position, code] of ['BIS', 'VIP', 'MASS'].entries()) await this.dictionaries.createItem(null, category.id, { code, name: code, position });

    const ids: Record<string, number> = {};
    for (const [list, entries] of Object.entries(CODED) as [CodedListName, [string, string][]][]) {
      for (const [position, [code, name]] of entries.entries()) ids[code] = (await this.lists.create(null, list, { code, name, position })).id;
    }
    ids.HEAD_OFFICE = (await this.lists.createPlace(null, { code: 'HEAD_OFFICE', name: 'Head office', kindId: ids.OFFICE })).id;
    ids.CORPORATE = (await this.lists.createPlace(null, { code: 'CORPORATE', name: 'Corporate', parentId: ids.HEAD_OFFICE, kindId: ids.CALL_CENTRE })).id;
    ids.VIP_DESK = (await this.lists.createPlace(null, { code: 'VIP_DESK', name: 'VIP desk', parentId: ids.CORPORATE, kindId: ids.CALL_CENTRE })).id;
    ids.MASS_DESK = (await this.lists.createPlace(null, { code: 'MASS_DESK', name: 'Mass market desk', parentId: ids.CORPORATE, kindId: ids.CALL_CENTRE })).id;
    const operator = await this.dataSource.getRepository(User).findOneBy({ login: operatorLogin });
    await this.templates.create(null, {
      code: 'CALL_CENTRE_INBOUND',
      name: 'Call centre, inbound calls',
      placeKindId: ids.CALL_CENTRE,
      allowedPlaceIds: [ids.VIP_DESK, ids.MASS_DESK],
      defaultPlaceId: ids.MASS_DESK,
      directionId: ids.INBOUND,
      channelId: ids.PHONE,
      allowedClientCategories: ['BIS', 'VIP', 'MASS'],
      defaultClientCategory: 'MASS',
      operatorIds: operator ? [operator.id] : [],
    });

    const pskov = await this.clients.create(null, {
      kind: 'company',
      name: 'Pskov-Telecom LLC',
      category: 'BIS',
      priority: 2,
      groupName: 'Corporate',
      region: 'PSKOV_CITY',
      address: 'Pskov, Oktyabrsky prospekt 1',
      phones: [{ value: '+7 (8112) 72-00-01', label: 'office' }],
      emails: [{ value: 'office@pskov-telecom.example' }],
      contracts: [{ number: 'PT-2024/001', startsOn: '2024-01-01', endsOn: '2026-12-31' }],
      services: [{ serviceCode: 'INTERNET', name: 'Business internet', slaLevel: 'GOLD', businessPriority: 1, contractNumber: 'PT-2024/001' }],
    });
    await this.people.createPerson(null, { name: 'Anna Smirnova', clientId: pskov.id, position: 'IT manager', phones: [{ value: '+7 911 555-44-33' }] });
    await this.clients.create(null, {
      kind: 'company',
      name: 'Nevsky Bakery',
      category: 'VIP',
      region: 'SPB',
      phones: [{ value: '+7 812 300-20-10' }],
      contracts: [{ number: 'NB-2025/014', startsOn: '2025-03-01' }],
      services: [{ serviceCode: 'TELEPHONY', name: 'Office telephony', slaLevel: 'SILVER', businessPriority: 2 }],
    });
    await this.clients.create(null, { kind: 'person', name: 'Ivan Petrov', category: 'MASS', region: 'MOSCOW', phones: [{ value: '8 916 123-45-67' }], emails: [{ value: 'ivan.petrov@example.com' }] });
    await this.clients.create(null, { kind: 'company', name: 'Future Logistics', prospect: true, region: 'VELIKIE_LUKI', emails: [{ value: 'hello@future-logistics.example' }] });
    await this.people.createPartner(null, { code: 'FIBRE_WORKS', name: 'Fibre Works', description: 'Cable repairs in the North-West', phones: [{ value: '+7 812 700-00-07' }] });
  }
}
