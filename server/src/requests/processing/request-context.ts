import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal';
import { Client } from '../../directory/entities/client.entity';
import { contactCodes, intakeConfiguration } from '../../directory/intake/intake-configuration';
import type { Contact } from '../entities/contact.entity';
import { currentConfiguration } from '../../topics/configuration/configuration.repository';
import type { StepOverrides, TopicConfiguration } from '../../topics/resolution/definitions';
import { resolveAttributes } from '../../topics/resolution/resolve';
import type { ResolvedForm } from '../../topics/resolution/resolved';
import type { UserTaskStep } from '../../../../workflows/index';
import { valuesFromRows, type StoredValueRow } from '../domain/attribute-values';
import { valueRowsInTransaction } from '../storage/request-values.writer';
import { transactionScoped } from '../../database/transaction-scope';
import { rowsWhere } from '../../database/entity-rows';
import type { CustomerRequest } from '../entities/customer-request.entity';
import { RequestValue } from '../entities/request-value.entity';
import { ArchivedRequestValue } from '../archive/entities/archived-request-value.entity';

/** How a contact came in, as the contacts row holds it. */
export type ContactWays = Pick<Contact, 'channelId' | 'directionId' | 'placeId'>;

/** The contact ways read together with a request (accessRequest), so rules about it need not read them again. */
const waysReadWith = new WeakMap<object, ContactWays>();

export function readWithRequest(request: object, ways: ContactWays): void {
  waysReadWith.set(request, ways);
}

/**
 * The evaluation context rules read (see topics/resolution/context-schema.ts), without `request.attributes`.
 * `contact`: the request's contact row when the caller holds it (a registration), so it is not read again;
 * else the ways read with the request, else they are read now.
 */
export async function contextData(manager: EntityManager, request: Pick<CustomerRequest, 'id' | 'number' | 'type' | 'priority' | 'status' | 'clientId' | 'contactId'>, topicCode: string, actor: Pick<Principal, 'login'> | null, attributes: Record<string, unknown>, contact?: ContactWays): Promise<Record<string, unknown>> {
  const client = request.clientId === null ? null : await manager.findOneBy(Client, { id: request.clientId });
  const ways = contact ?? waysReadWith.get(request) ?? (request.contactId === null ? undefined : ((await manager.query('SELECT channelId, directionId, placeId FROM contacts WHERE id = ?', [request.contactId])) as ContactWays[])[0]);
  return {
    request: { id: request.id, number: request.number, type: request.type, priority: request.priority, status: request.status, topic: topicCode, attributes },
    client: client ? { category: client.category, priority: client.priority, region: client.region, group: client.groupName } : {},
    contact: ways ? contactCodes(await intakeConfiguration(manager), ways) : {},
    user: actor ? { login: actor.login } : {},
  };
}

/** A route step's attribute flag overrides in the resolver's terms (a rule is wrapped as `{rule}`). */
export function stepOverrides(step: UserTaskStep | undefined): StepOverrides | null {
  if (!step) return null;
  const attributes = Object.fromEntries(
    Object.entries(step.attributeFlags ?? {}).map(([code, flags]) => [code, Object.fromEntries(Object.entries(flags).map(([flag, value]) => [flag, typeof value === 'boolean' ? value : { rule: value }]))]),
  );
  return { stepId: step.id, stepName: step.name, attributes };
}

interface FormsState {
  configuration: Promise<TopicConfiguration> | null;
  attributes: Map<number, Promise<ResolvedForm['attributes']>>;
}


/** The topic's configuration, loaded once per operation and reused for each request in it. */
export class TopicForms {
  private readonly state: FormsState;

  constructor(private readonly manager: EntityManager) {
    // Every TopicForms of one transaction (intake's, the notifications') reads the configuration once.
    const fresh = (): FormsState => ({ configuration: null, attributes: new Map() });
    this.state = transactionScoped(manager.queryRunner, 'topicForms', fresh) ?? fresh();
  }

  async config(): Promise<TopicConfiguration> {
    this.state.configuration ??= currentConfiguration(this.manager);
    return this.state.configuration;
  }

  async topic(topicId: number) {
    return (await this.config()).nodes.find((node) => node.id === topicId && node.kind === 'topic');
  }

  async resolve(topicId: number, context: Record<string, unknown>, step: StepOverrides | null, includeInactive: boolean): Promise<ResolvedForm> {
    return resolveAttributes({ configuration: await this.config(), topicId, step, context, includeInactive });
  }

  /** Every attribute a request of the topic can hold, inactive ones included. */
  async attributesOf(topicId: number): Promise<ResolvedForm['attributes']> {
    // Without context or step the answer depends on the configuration alone: one resolution per topic per operation.
    let attributes = this.state.attributes.get(topicId);
    if (!attributes) this.state.attributes.set(topicId, (attributes = this.resolve(topicId, {}, null, true).then((form) => form.attributes)));
    return attributes;
  }
}

/**
 * `liveRows`: the request's rows of the live value table, when the caller read them already (unused for an archived
 * request). Rows this transaction wrote whole or read already are taken from memory (see valueRowsInTransaction).
 */
export async function storedValues(manager: EntityManager, forms: TopicForms, request: Pick<CustomerRequest, 'id' | 'topicId'> & { archivedAt?: Date | null }, liveRows?: readonly StoredValueRow[]): Promise<Record<string, unknown>> {
  // An archived request's values were moved out of the live value table (see docs/request-archive.md).
  if (request.archivedAt) return valuesFromRows(await forms.attributesOf(request.topicId), await manager.find(ArchivedRequestValue, { where: { requestId: request.id } }));
  const remembered = valueRowsInTransaction(manager);
  const rows = liveRows ?? remembered?.get(request.id) ?? (await rowsWhere(manager, RequestValue, { requestId: request.id }));
  remembered?.set(request.id, rows);
  return valuesFromRows(await forms.attributesOf(request.topicId), rows);
}
