import { IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { ClientContract } from '../directory/entities/client-contract.entity';
import { ClientService } from '../directory/entities/client-service.entity';
import { Client } from '../directory/entities/client.entity';
import type { CustomerRequest } from '../requests/entities/customer-request.entity';
import type { SlaContext } from './sla-clocks';

/**
 * What a policy's condition reads about a request, from the directory: the client; the client's
 * contract in force on the day (the latest started, when several are); and the service entry under
 * that contract — or, when none names it, any of the client's — with the best business priority.
 * A request has no contract or service field of its own, so this is the one place that picks them.
 */
export async function slaContextOf(manager: EntityManager, request: Pick<CustomerRequest, 'clientId'>, now: Date): Promise<SlaContext> {
  if (request.clientId === null) return { client: null, contract: null, service: null };
  const client = await manager.findOneBy(Client, { id: request.clientId });
  if (!client) return { client: null, contract: null, service: null };
  const day = now.toISOString().slice(0, 10);
  const inForce = { clientId: client.id, startsOn: LessThanOrEqual(day) };
  const [contract] = await manager.find(ClientContract, { where: [{ ...inForce, endsOn: IsNull() }, { ...inForce, endsOn: MoreThanOrEqual(day) }], order: { startsOn: 'DESC', id: 'DESC' }, take: 1 });
  const services = await manager.find(ClientService, { where: { clientId: client.id }, order: { businessPriority: 'ASC', id: 'ASC' } });
  const service = services.find((entry) => contract && entry.contractNumber === contract.number) ?? services[0];
  return {
    client: { id: client.id, category: client.category, group: client.groupName, region: client.region },
    contract: contract ? { id: contract.id, code: contract.number } : null,
    service: service ? { id: service.id, code: service.serviceCode, slaLevel: service.slaLevel, businessPriority: service.businessPriority } : null,
  };
}
