import { deleteClientAttachments } from '../../attachments/attachment-purge';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { AuditService, changesBetween } from '../../audit/audit.service';
import type { Principal } from '../../auth/principal';
import { badRequest, conflict, ErrorDetail, notFound } from '../../common/docket-error';
import { Page, pageOf } from '../../common/paging';
import { escapeLike, LIKE_ESCAPE } from '../../common/sql-like';
import { definedFields } from '../../common/defined-fields';
import { DictionariesService } from '../../dictionaries/dictionaries.service';
import { normaliseEmail, phoneDigits, phoneQuery, searchText } from '../contact-normalise';
import { CustomerRequest } from '../../requests/entities/customer-request.entity';
import { ContactInfo, contactPointMatch, loadContactInfo, removeContactInfo, replaceContactInfo } from '../contact-points';
import { ContactPerson } from '../entities/contact-person.entity';
import { ClientContract } from '../entities/client-contract.entity';
import { ClientNote } from '../entities/client-note.entity';
import { ClientService } from '../entities/client-service.entity';
import { Client } from '../entities/client.entity';
import { ClientListQuery, CreateClientDto, UpdateClientDto } from './clients.dto';

/** The dictionary a client's region comes from; the rule engine's hierarchical `in` reads the same one. */
export const REGION_DICTIONARY = 'REGION';

type ContractView = Omit<ClientContract, 'id' | 'clientId'>;
type ServiceView = Omit<ClientService, 'id' | 'clientId'>;

export interface ClientView extends Omit<Client, 'searchName'>, ContactInfo {
  contracts: ContractView[];
  services: ServiceView[];
}

const AUDITED: (keyof ClientView)[] = ['kind', 'name', 'category', 'priority', 'groupName', 'region', 'address', 'prospect', 'active', 'phones', 'emails', 'contracts', 'services'];

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly dictionaries: DictionariesService,
  ) {}

  /** Search by name, phone digits, e-mail or contract number; `q` tries all of them at once. */
  async list(query: ClientListQuery): Promise<Page<ClientView>> {
    const builder = this.dataSource.getRepository(Client).createQueryBuilder('c').orderBy('c.searchName').addOrderBy('c.id');
    const contractMatch = `EXISTS (SELECT 1 FROM client_contracts k WHERE k.clientId = c.id AND k.number LIKE :contract ${LIKE_ESCAPE})`;
    if (query.q) {
      const alternatives = [`c.searchName LIKE :name ${LIKE_ESCAPE}`, contactPointMatch('client', 'c', 'email', 'email'), contractMatch];
      const digits = phoneQuery(query.q);
      if (digits) alternatives.push(contactPointMatch('client', 'c', 'phone', 'phone'));
      builder.andWhere(`(${alternatives.join(' OR ')})`, {
        name: `%${escapeLike(searchText(query.q))}%`,
        email: `%${escapeLike(normaliseEmail(query.q))}%`,
        contract: `%${escapeLike(query.q.trim())}%`,
        phone: `%${escapeLike(digits ?? '')}%`,
      });
    }
    if (query.phone) builder.andWhere(contactPointMatch('client', 'c', 'phone', 'phoneOnly'), { phoneOnly: `%${escapeLike(phoneDigits(query.phone))}%` });
    if (query.email) builder.andWhere(contactPointMatch('client', 'c', 'email', 'emailOnly'), { emailOnly: `%${escapeLike(normaliseEmail(query.email))}%` });
    if (query.contract) builder.andWhere(contractMatch.replace(':contract', ':contractOnly'), { contractOnly: `%${escapeLike(query.contract.trim())}%` });
    if (query.category) builder.andWhere('c.category = :category', { category: query.category });
    if (query.prospect !== undefined) builder.andWhere('c.prospect = :prospect', { prospect: query.prospect });
    if (query.active !== undefined) builder.andWhere('c.active = :active', { active: query.active });
    return pageOf(builder, query, (rows) => this.views(this.dataSource.manager, rows));
  }

  async get(id: number): Promise<ClientView> {
    const [view] = await this.views(this.dataSource.manager, [await this.load(this.dataSource.manager, id)]);
    return view;
  }

  async create(actor: Principal | null, body: CreateClientDto, now = new Date()): Promise<ClientView> {
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, null, body);
      const client = manager.create(Client, {
        kind: body.kind,
        name: body.name.trim(),
        searchName: searchText(body.name),
        category: body.category ?? null,
        priority: body.priority ?? 3,
        groupName: body.groupName ?? null,
        region: body.region ?? null,
        address: body.address ?? '',
        prospect: body.prospect ?? false,
        active: body.active ?? true,
        createdAt: now,
        updatedAt: now,
      });
      await manager.save(client);
      await this.writeParts(manager, client.id, body);
      const [view] = await this.views(manager, [client]);
      await this.audit.record(manager, actor, { entityType: 'client', entityId: client.id, action: 'create', changes: changesBetween(null, view, AUDITED) }, now);
      return view;
    });
  }

  async update(actor: Principal, id: number, body: UpdateClientDto, now = new Date()): Promise<ClientView> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.load(manager, id);
      const [before] = await this.views(manager, [client]);
      await this.check(manager, id, { ...body, contracts: body.contracts ?? before.contracts });
      const { phones: _phones, emails: _emails, contracts: _contracts, services: _services, ...scalars } = body;
      Object.assign(client, definedFields(scalars), { updatedAt: now });
      if (body.name !== undefined) Object.assign(client, { name: body.name.trim(), searchName: searchText(body.name) });
      await manager.save(client);
      await this.writeParts(manager, id, body);
      const [after] = await this.views(manager, [client]);
      await this.audit.record(manager, actor, { entityType: 'client', entityId: id, action: 'update', changes: changesBetween(before, after, AUDITED) }, now);
      return after;
    });
  }

  /** A prospect becomes a client; converting a client again is refused. */
  async convert(actor: Principal, id: number, now = new Date()): Promise<ClientView> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.load(manager, id);
      if (!client.prospect) throw conflict('not_a_prospect', `Client ${id} is not a prospect`, [{ path: 'id', message: 'already a client' }]);
      Object.assign(client, { prospect: false, updatedAt: now });
      await manager.save(client);
      await this.audit.record(manager, actor, { entityType: 'client', entityId: id, action: 'convert', changes: [{ field: 'prospect', old: true, new: false }] }, now);
      const [view] = await this.views(manager, [client]);
      return view;
    });
  }

  /**
   * Removes a client entered by mistake, with its contracts, services, notes and contact details; its files
   * are deleted (erased by the purge later); its contact persons stay, without a client. A client with requests is kept: deactivate it instead.
   */
  async remove(actor: Principal, id: number, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const client = await this.load(manager, id);
      if (await manager.existsBy(CustomerRequest, { clientId: id })) {
        throw conflict('in_use', `Client ${id} has requests; deactivate it instead`, [{ path: 'id', message: 'has requests' }]);
      }
      const [before] = await this.views(manager, [client]);
      await removeContactInfo(manager, 'client', id);
      for (const entity of [ClientContract, ClientService, ClientNote]) await manager.delete(entity, { clientId: id });
      await manager.update(ContactPerson, { clientId: id }, { clientId: null });
      const attachments = await deleteClientAttachments(manager, actor, id, now);
      await manager.delete(Client, { id });
      const hidden = attachments.length ? [{ field: 'attachments', old: attachments, new: null }] : [];
      await this.audit.record(manager, actor, { entityType: 'client', entityId: id, action: 'delete', changes: [...changesBetween(before, {}, AUDITED), ...hidden] }, now);
    });
  }

  async notes(id: number): Promise<ClientNote[]> {
    await this.load(this.dataSource.manager, id);
    return this.dataSource.getRepository(ClientNote).find({ where: { clientId: id }, order: { at: 'DESC', id: 'DESC' } });
  }

  async addNote(actor: Principal, id: number, text: string, now = new Date()): Promise<ClientNote> {
    return this.dataSource.transaction(async (manager) => {
      await this.load(manager, id);
      const note = manager.create(ClientNote, { clientId: id, text, authorId: actor.userId, authorLogin: actor.login, at: now });
      await manager.save(note);
      await this.audit.record(manager, actor, { entityType: 'client', entityId: id, action: 'note', changes: [{ field: 'note', old: null, new: text }] }, now);
      return note;
    });
  }

  private async load(manager: EntityManager, id: number): Promise<Client> {
    const client = await manager.findOneBy(Client, { id });
    if (!client) throw notFound('Client', id);
    return client;
  }

  /** Region from the REGION dictionary, contract numbers free and consistent, services pointing at own contracts. */
  private async check(manager: EntityManager, id: number | null, body: UpdateClientDto): Promise<void> {
    const errors: ErrorDetail[] = [];
    if (body.region) {
      const regions = (await this.dictionaries.hierarchies([REGION_DICTIONARY]))[REGION_DICTIONARY];
      if (!regions || !Object.hasOwn(regions, body.region)) errors.push({ path: 'region', message: `not an item of the ${REGION_DICTIONARY} dictionary` });
    }
    const numbers = (body.contracts ?? []).map((contract) => contract.number.trim());
    body.contracts?.forEach((contract, index) => {
      if (numbers.indexOf(contract.number.trim()) !== index) errors.push({ path: `contracts.${index}.number`, message: 'appears twice' });
      if (contract.endsOn && contract.endsOn < contract.startsOn) errors.push({ path: `contracts.${index}.endsOn`, message: 'is before startsOn' });
    });
    body.services?.forEach((service, index) => {
      if (service.contractNumber && !numbers.includes(service.contractNumber)) errors.push({ path: `services.${index}.contractNumber`, message: 'not one of this client\'s contracts' });
    });
    if (errors.length) throw badRequest('invalid_client', 'The client is not valid', errors);
    if (body.contracts && numbers.length) {
      const taken = await manager.find(ClientContract, { where: { number: In(numbers), ...(id === null ? {} : { clientId: Not(id) }) } });
      if (taken.length) {
        throw conflict('duplicate', `The contract number ${taken.map((contract) => contract.number).join(', ')} belongs to another client`, taken.map((contract) => ({ path: `contracts.${numbers.indexOf(contract.number)}.number`, message: 'belongs to another client' })));
      }
    }
  }

  private async writeParts(manager: EntityManager, clientId: number, body: UpdateClientDto): Promise<void> {
    await replaceContactInfo(manager, 'client', clientId, body);
    if (body.contracts) {
      await manager.delete(ClientContract, { clientId });
      for (const contract of body.contracts) {
        await manager.insert(ClientContract, { clientId, number: contract.number.trim(), startsOn: contract.startsOn, endsOn: contract.endsOn ?? null, description: contract.description ?? '' });
      }
    }
    if (body.services) {
      await manager.delete(ClientService, { clientId });
      for (const service of body.services) {
        await manager.insert(ClientService, { clientId, serviceCode: service.serviceCode, name: service.name, slaLevel: service.slaLevel, businessPriority: service.businessPriority ?? 3, contractNumber: service.contractNumber ?? null });
      }
    }
  }

  private async views(manager: EntityManager, clients: Client[]): Promise<ClientView[]> {
    const ids = clients.map((client) => client.id);
    const info = await loadContactInfo(manager, 'client', ids);
    const contracts = ids.length ? await manager.find(ClientContract, { where: { clientId: In(ids) }, order: { id: 'ASC' } }) : [];
    const services = ids.length ? await manager.find(ClientService, { where: { clientId: In(ids) }, order: { id: 'ASC' } }) : [];
    return clients.map(({ searchName: _searchName, ...client }) => ({
      ...client,
      ...info.get(client.id)!,
      contracts: contracts.filter((row) => row.clientId === client.id).map(({ id: _id, clientId: _clientId, ...rest }) => rest),
      services: services.filter((row) => row.clientId === client.id).map(({ id: _id, clientId: _clientId, ...rest }) => rest),
    }));
  }
}
