import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badRequest } from '../../common/docket-error';
import { escapeLike, LIKE_ESCAPE } from '../../common/sql-like';
import { ContactOwner, ContactPoint } from '../entities/contact-point.entity';
import { Client } from '../entities/client.entity';
import { ContactPerson } from '../entities/contact-person.entity';
import { Partner } from '../entities/partner.entity';
import { callerKey } from './caller-lookup';

const MAX_MATCHES = 20;

/** Who is calling: the clients, contact persons and partners with this phone number (a screen pop). */
@Injectable()
export class CallerLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lookup(phone: string) {
    const key = callerKey(phone);
    if (!key) throw badRequest('invalid_phone', 'A phone number needs at least 5 digits', [{ path: 'phone', message: 'at least 5 digits' }]);
    // Suffix match: the stored number may carry a country or trunk prefix the caller-id lacks, or the reverse.
    const points = await this.dataSource
      .getRepository(ContactPoint)
      .createQueryBuilder('p')
      .where("p.kind = 'phone'")
      .andWhere(`p.normalized LIKE :suffix ${LIKE_ESCAPE}`, { suffix: `%${escapeLike(key)}` })
      .orderBy('p.id')
      .take(MAX_MATCHES * 3)
      .getMany();
    const owners = (type: ContactOwner) => [...new Set(points.filter((point) => point.ownerType === type).map((point) => point.ownerId))].slice(0, MAX_MATCHES);
    const find = <T extends object>(entity: new () => T, ids: number[]) => (ids.length ? this.dataSource.getRepository(entity).findBy({ id: In(ids) } as never) : Promise.resolve([] as T[]));
    const [clients, contactPersons, partners] = await Promise.all([find(Client, owners('client')), find(ContactPerson, owners('person')), find(Partner, owners('partner'))]);
    const strip = <T extends { searchName: string }>(rows: T[]) => rows.map(({ searchName: _searchName, ...row }) => row);
    return { phone: key, clients: strip(clients), contactPersons: strip(contactPersons), partners: strip(partners) };
  }
}
