import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../../common/sql-like';
import { assertCodeFree } from '../../dictionaries/catalog-writes';
import { definedFields } from '../../common/defined-fields';
import { CatalogListQuery } from '../../dictionaries/catalog.dto';
import { normaliseEmail, phoneQuery, searchText } from '../contact-normalise';
import { ContactInfo, contactPointMatch, loadContactInfo, removeContactInfo, replaceContactInfo } from '../contact-points';
import { Client } from '../entities/client.entity';
import { ContactOwner } from '../entities/contact-point.entity';
import { ContactPerson } from '../entities/contact-person.entity';
import { Partner } from '../entities/partner.entity';
import { ContactPersonListQuery, CreateContactPersonDto, CreatePartnerDto, UpdateContactPersonDto, UpdatePartnerDto } from './people.dto';

export type PersonView = Omit<ContactPerson, 'searchName'> & ContactInfo;
export type PartnerView = Omit<Partner, 'searchName'> & ContactInfo;

const PERSON_FIELDS: (keyof PersonView)[] = ['name', 'clientId', 'position', 'active', 'phones', 'emails'];
const PARTNER_FIELDS: (keyof PartnerView)[] = ['code', 'name', 'description', 'active', 'phones', 'emails'];

/** Contact persons and partner organisations: named parties with phones and e-mails. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listPersons(query: ContactPersonListQuery): Promise<Page<PersonView>> {
    const builder = this.dataSource.getRepository(ContactPerson).createQueryBuilder('p').orderBy('p.searchName').addOrderBy('p.id');
    if (query.clientId !== undefined) builder.andWhere('p.clientId = :clientId', { clientId: query.clientId });
    return this.page(searchParty(builder, 'person', 'p', query), 'person', query);
  }

  async getPerson(id: number): Promise<PersonView> {
    return (await this.withInfo(this.dataSource.manager, 'person', [await this.loadPerson(this.dataSource.manager, id)]))[0];
  }

  async createPerson(actor: Principal | null, body: CreateContactPersonDto): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkClient(manager, body.clientId);
      const person = manager.create(ContactPerson, { clientId: body.clientId ?? null, name: body.name.trim(), searchName: searchText(body.name), position: body.position ?? '', active: body.active ?? true });
      await manager.save(person);
      await replaceContactInfo(manager, 'person', person.id, body);
      const [view] = await this.withInfo(manager, 'person', [person]);
      await this.audit.record(manager, actor, { entityType: 'contact_person', entityId: person.id, action: 'create', changes: changesBetween(null, view, PERSON_FIELDS) });
      return view;
    });
  }

  async updatePerson(actor: Principal, id: number, body: UpdateContactPersonDto): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.loadPerson(manager, id);
      await this.checkClient(manager, body.clientId);
      const [before] = await this.withInfo(manager, 'person', [person]);
      const { phones: _phones, emails: _emails, ...scalars } = body;
      Object.assign(person, definedFields(scalars));
      if (body.name !== undefined) Object.assign(person, { name: body.name.trim(), searchName: searchText(body.name) });
      await manager.save(person);
      await replaceContactInfo(manager, 'person', id, body);
      const [after] = await this.withInfo(manager, 'person', [person]);
      await this.audit.record(manager, actor, { entityType: 'contact_person', entityId: id, action: 'update', changes: changesBetween(before, after, PERSON_FIELDS) });
      return after;
    });
  }

  async removePerson(actor: Principal, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [before] = await this.withInfo(manager, 'person', [await this.loadPerson(manager, id)]);
      await removeContactInfo(manager, 'person', id);
      await manager.delete(ContactPerson, { id });
      await this.audit.record(manager, actor, { entityType: 'contact_person', entityId: id, action: 'delete', changes: changesBetween(before, {}, PERSON_FIELDS) });
    });
  }

  async listPartners(query: CatalogListQuery): Promise<Page<PartnerView>> {
    const builder = this.dataSource.getRepository(Partner).createQueryBuilder('p').orderBy('p.searchName').addOrderBy('p.id');
    return this.page(searchParty(builder, 'partner', 'p', query), 'partner', query);
  }

  async getPartner(id: number): Promise<PartnerView> {
    return (await this.withInfo(this.dataSource.manager, 'partner', [await this.loadPartner(this.dataSource.manager, id)]))[0];
  }

  async createPartner(actor: Principal | null, body: CreatePartnerDto): Promise<PartnerView> {
    return this.dataSource.transaction(async (manager) => {
      await assertCodeFree(manager, Partner, { code: body.code }, 'partner', body.code);
      const partner = manager.create(Partner, { code: body.code, name: body.name.trim(), searchName: searchText(body.name), description: body.description ?? '', active: body.active ?? true });
      await manager.save(partner);
      await replaceContactInfo(manager, 'partner', partner.id, body);
      const [view] = await this.withInfo(manager, 'partner', [partner]);
      await this.audit.record(manager, actor, { entityType: 'partner', entityId: partner.id, action: 'create', changes: changesBetween(null, view, PARTNER_FIELDS) });
      return view;
    });
  }

  async updatePartner(actor: Principal, id: number, body: UpdatePartnerDto): Promise<PartnerView> {
    return this.dataSource.transaction(async (manager) => {
      const partner = await this.loadPartner(manager, id);
      const [before] = await this.withInfo(manager, 'partner', [partner]);
      const { phones: _phones, emails: _emails, ...scalars } = body;
      Object.assign(partner, definedFields(scalars));
      if (body.name !== undefined) Object.assign(partner, { name: body.name.trim(), searchName: searchText(body.name) });
      await manager.save(partner);
      await replaceContactInfo(manager, 'partner', id, body);
      const [after] = await this.withInfo(manager, 'partner', [partner]);
      await this.audit.record(manager, actor, { entityType: 'partner', entityId: id, action: 'update', changes: changesBetween(before, after, PARTNER_FIELDS) });
      return after;
    });
  }

  async removePartner(actor: Principal, id: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [before] = await this.withInfo(manager, 'partner', [await this.loadPartner(manager, id)]);
      await removeContactInfo(manager, 'partner', id);
      await manager.delete(Partner, { id });
      await this.audit.record(manager, actor, { entityType: 'partner', entityId: id, action: 'delete', changes: changesBetween(before, {}, PARTNER_FIELDS) });
    });
  }

  private async page<T extends ContactPerson | Partner>(builder: SelectQueryBuilder<T>, owner: ContactOwner, query: CatalogListQuery) {
    if (query.active !== undefined) builder.andWhere('p.active = :active', { active: query.active });
    return pageOf(builder, query, (rows) => this.withInfo(this.dataSource.manager, owner, rows));
  }

  private async withInfo<T extends { id: number; searchName: string }>(manager: EntityManager, owner: ContactOwner, rows: T[]): Promise<(Omit<T, 'searchName'> & ContactInfo)[]> {
    const info = await loadContactInfo(manager, owner, rows.map((row) => row.id));
    return rows.map(({ searchName: _searchName, ...row }) => ({ ...row, ...info.get(row.id)! }));
  }

  private async checkClient(manager: EntityManager, clientId: number | null | undefined): Promise<void> {
    if (clientId != null && !(await manager.existsBy(Client, { id: clientId }))) {
      throw badRequest('unknown_client', `Unknown client ${clientId}`, [{ path: 'clientId', message: 'unknown client' }]);
    }
  }

  private async loadPerson(manager: EntityManager, id: number): Promise<ContactPerson> {
    const person = await manager.findOneBy(ContactPerson, { id });
    if (!person) throw notFound('Contact person', id);
    return person;
  }

  private async loadPartner(manager: EntityManager, id: number): Promise<Partner> {
    const partner = await manager.findOneBy(Partner, { id });
    if (!partner) throw notFound('Partner', id);
    return partner;
  }
}

/** `q` matches part of the name, a phone (by digits) or an e-mail. */
function searchParty<T extends ContactPerson | Partner>(builder: SelectQueryBuilder<T>, owner: ContactOwner, alias: string, query: CatalogListQuery): SelectQueryBuilder<T> {
  if (!query.q) return builder;
  const digits = phoneQuery(query.q);
  const alternatives = [`${alias}.searchName LIKE :name ${LIKE_ESCAPE}`, contactPointMatch(owner, alias, 'email', 'email')];
  if (digits) alternatives.push(contactPointMatch(owner, alias, 'phone', 'phone'));
  return builder.andWhere(`(${alternatives.join(' OR ')})`, {
    name: `%${escapeLike(searchText(query.q))}%`,
    email: `%${escapeLike(normaliseEmail(query.q))}%`,
    phone: `%${escapeLike(digits ?? '')}%`,
  });
}
