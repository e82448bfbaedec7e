import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import contractTerminationExample from '../../../workflows/fixtures/contract-termination.route.json';
import { parseRoute, type RouteDefinition } from '../../../workflows/index';
import { User } from '../auth/entities/user.entity';
import { permissionsOf } from '../auth/permission-set';
import type { Principal } from '../auth/principal';
import { Queue } from '../queues/queue.entity';
import { QueuesService } from '../queues/queues.service';
import { RouteVersionsService } from '../routes/route-versions.service';
import { RoutesService } from '../routes/routes.service';
import { AttributeGroupsService } from '../topics/attribute-groups.service';
import { AttributesService } from '../topics/attributes.service';
import { BindingsService } from '../topics/bindings.service';
import type { CreateAttributeDto } from '../topics/dto/attribute.dto';
import { TopicNodesService } from '../topics/topic-nodes.service';
import { ClassificationService } from '../classification/classification.service';
import type { QuestionnaireDefinition } from '../classification/questionnaire';

export interface ProcessDemoPeople {
  members: readonly string[];
  administrator: string;
}

const QUEUES = [
  { code: 'CP', name: 'Contract processing' },
  { code: 'PSKOV', name: 'Pskov region' },
] as const;

const VIP_CLIENT = { '==': [{ var: 'client.category' }, 'VIP'] };

type DemoAttribute = Omit<CreateAttributeDto, 'attributeGroupId'> & { group?: 'Termination' | 'Internal' };

/** The seed's example topic (see the topics e2e test), plus what the contract termination route reads and writes. */
const ATTRIBUTES: DemoAttribute[] = [
  { code: 'TERMINATION_CITY', name: 'Termination city', valueType: 'string', group: 'Termination', defaultValue: { rule: { var: 'client.region' } }, listColumn: true },
  { code: 'TERMINATION_DATE', name: 'Termination date', valueType: 'date', required: true, group: 'Termination', min: '2020-01-01', listColumn: true },
  { code: 'CLIENT_CATEGORY', name: 'Client category', valueType: 'dictionary', dictionaryCode: 'CLIENT_CATEGORY', hidden: true, group: 'Internal' },
  { code: 'SPECIAL_REASONS', name: 'Special reasons', valueType: 'text', max: 2000 },
  { code: 'REASON', name: 'Reason', valueType: 'string', required: true, regex: '^\\S' },
  { code: 'FINANCIAL_CARD', name: 'Financial card', valueType: 'string', hidden: true, mask: '99-999999', group: 'Internal' },
  { code: 'SMS_RULE', name: 'Inform by SMS', valueType: 'boolean', required: { rule: VIP_CLIENT } },
  { code: 'REFUSAL_REASON', name: 'Refusal reason', valueType: 'string' },
  { code: 'CONTRACT_STATE', name: 'Contract state', valueType: 'string', hidden: true, group: 'Internal' },
  { code: 'REJECTIONS', name: 'Hand-off rejections', valueType: 'integer', readOnly: true, group: 'Internal' },
];

/** The operators' classification questionnaire: it leads to the contract termination topic, or says to choose by hand. */
const FIRST_LINE_QUESTIONNAIRE: QuestionnaireDefinition = {
  questions: [
    { code: 'reason', text: 'Why is the customer calling?', kind: 'choice', options: [{ value: 'end', label: 'To end the contract' }, { value: 'other', label: 'Something else' }] },
    { code: 'moving', text: 'Is the customer moving away?', kind: 'yesno', askWhen: { '==': [{ var: 'answers.reason' }, 'end'] } },
  ],
  suggestions: [
    { when: { '==': [{ var: 'answers.reason' }, 'end'] }, topic: 'CONTRACT_TERMINATION' },
    { when: { '==': [{ var: 'answers.moving' }, true] }, note: 'Offer to move the contract to the new address first' },
    { when: { '==': [{ var: 'answers.reason' }, 'other'] }, note: 'Choose the topic by hand' },
  ],
};

/**
 * The demo's process: queues CP and PSKOV, the "Test" group with the "Contract termination" topic and its
 * attributes, the published contract termination route bound to it, and a classification questionnaire that
 * leads to it. Loaded once (the CP queue marks it as loaded) through the same services as the API, so
 * validation, list slots and the journal apply.
 */
@Injectable()
export class ProcessDemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
    private readonly topics: TopicNodesService,
    private readonly attributeGroups: AttributeGroupsService,
    private readonly attributes: AttributesService,
    private readonly bindings: BindingsService,
    private readonly routes: RoutesService,
    private readonly routeVersions: RouteVersionsService,
    private readonly classification: ClassificationService,
  ) {}

  async seedOnce(people: ProcessDemoPeople): Promise<void> {
    if (await this.dataSource.getRepository(Queue).existsBy({ code: QUEUES[0].code })) return;
    const administrator = await this.userByLogin(people.administrator);
    // The queues' administrator sets the process up, so the journal names a real user with a real role.
    const actor: Principal = { userId: administrator.id, login: administrator.login, name: administrator.name, permissions: permissionsOf(administrator.roles), via: 'session' };

    const topicId = await this.seedTopic(actor);
    const memberIds = await Promise.all(people.members.map(async (login) => (await this.userByLogin(login)).id));
    for (const queue of QUEUES) {
      const created = await this.queues.create(actor, queue);
      await this.queues.setPeople(actor, created.id, { memberIds, workgroupIds: [], administratorIds: [administrator.id] });
    }
    const route = await this.routes.create(actor, { code: 'CONTRACT_TERMINATION', name: 'Contract termination', topicIds: [topicId] });
    const draft = await this.routeVersions.saveDraft(actor, route.id, { definition: { ...queuesByCode(parseRoute(contractTerminationExample)) } });
    await this.routeVersions.publish(actor, route.id, draft.version);
    await this.classification.create(actor, { code: 'FIRST_LINE', name: 'Why is the customer calling?', definition: FIRST_LINE_QUESTIONNAIRE });
  }

  private async seedTopic(actor: Principal): Promise<number> {
    const group = await this.topics.create(actor, { code: 'TEST', name: 'Test', kind: 'group' });
    const topic = await this.topics.create(actor, { code: 'CONTRACT_TERMINATION', name: 'Contract termination', kind: 'topic', parentId: group.id });
    const groupIds = {
      Termination: (await this.attributeGroups.create(actor, { name: 'Termination', collapsed: false })).id,
      Internal: (await this.attributeGroups.create(actor, { name: 'Internal', collapsed: true })).id,
    };
    for (const { group: groupName, ...fields } of ATTRIBUTES) {
      const attribute = await this.attributes.create(actor, { ...fields, attributeGroupId: groupName ? groupIds[groupName] : null });
      await this.bindings.create(actor, topic.id, { attributeId: attribute.id });
    }
    return topic.id;
  }

  private async userByLogin(login: string): Promise<User> {
    return this.dataSource.getRepository(User).findOneOrFail({ where: { login }, relations: { roles: true } });
  }
}

/** The example names its second queue by its name ("Pskov region"); routes name queues by code. */
function queuesByCode(route: RouteDefinition): RouteDefinition {
  const codeOf = (queue: string) => QUEUES.find((candidate) => candidate.name === queue)?.code ?? queue;
  const steps = route.steps.map((step) =>
    step.kind === 'userTask' && step.queues
      ? { ...step, queues: { ...step.queues, rules: step.queues.rules.map((rule) => ({ ...rule, queue: codeOf(rule.queue) })), default: codeOf(step.queues.default) } }
      : step,
  );
  return { ...route, steps };
}
