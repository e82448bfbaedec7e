import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../server/src/audit/audit-entry.entity';
import { rowsWhere } from '../../server/src/database/entity-rows';
import { Comment } from '../../server/src/requests/entities/comment.entity';
import { CustomerRequest } from '../../server/src/requests/entities/customer-request.entity';
import { Discussion } from '../../server/src/requests/entities/discussion.entity';
import { RequestValue } from '../../server/src/requests/entities/request-value.entity';
import { RequestEscalation } from '../../server/src/requests/escalation/entities/request-escalation.entity';
import { discussionThreads } from '../../server/src/requests/views/discussion-threads';
import { attributeDef, bindingDef, groupDef, loadConfiguration, nodeDef } from '../../server/src/topics/configuration/configuration.repository';
import { AttributeBinding } from '../../server/src/topics/entities/attribute-binding.entity';
import { AttributeDefinition } from '../../server/src/topics/entities/attribute-definition.entity';
import { AttributeGroup } from '../../server/src/topics/entities/attribute-group.entity';
import { TopicNode } from '../../server/src/topics/entities/topic-node.entity';
import { migratedScratchDatabase, ScratchDatabase, testDatabases } from '../helpers/databases';
import { insertRequest } from './sla-fixtures';

/** The card's plain reads (and the configuration's one-statement read) answer exactly what TypeORM's find does: instants, booleans, decimals and JSON alike. */
describe.each(testDatabases())('the request card’s plain reads on %s', (database) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  let requestId: number;
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute, 30, 123));

  beforeAll(async () => {
    ({ scratch, dataSource } = await migratedScratchDatabase(database));
    const manager = dataSource.manager;
    requestId = (await insertRequest(manager, { topicId: 1, priority: 2, subject: 'Card' })).id;
    const other = (await insertRequest(manager, { topicId: 1, priority: 2, subject: 'Another' })).id;
    const [first, second, empty, elsewhere] = await manager.save(Discussion, [
      { requestId, title: 'First', visibility: 'internal', createdById: null, createdAt: at(1) },
      { requestId, title: 'Second', visibility: 'customer', createdById: 7, createdAt: at(2) },
      { requestId, title: 'Empty', visibility: 'partner', createdById: null, createdAt: at(3) },
      { requestId: other, title: 'Elsewhere', visibility: 'internal', createdById: null, createdAt: at(4) },
    ]);
    await manager.save(Comment, [
      { discussionId: second.id, requestId, authorId: 7, authorLogin: 'olga', body: '<p>b</p>', mentions: ['ivan'], createdAt: at(5) },
      { discussionId: first.id, requestId, authorId: null, authorLogin: 'system', body: '<p>a</p>', mentions: [], createdAt: at(6) },
      { discussionId: second.id, requestId, authorId: 8, authorLogin: 'ivan', body: '<p>c</p>', mentions: ['olga', 'petr'], createdAt: at(7) },
      { discussionId: elsewhere.id, requestId: other, authorId: 8, authorLogin: 'ivan', body: '<p>d</p>', mentions: [], createdAt: at(8) },
    ]);
    expect(empty.id).toBeGreaterThan(second.id);
    await manager.save(AuditEntry, [
      { at: at(9), actorId: 7, actorLogin: 'olga', entityType: 'request', entityId: String(requestId), action: 'request.created', changes: [{ field: 'status', old: null, new: 'new' }] },
      { at: at(10), actorId: null, actorLogin: 'system', entityType: 'request', entityId: String(other), action: 'request.created', changes: [] },
    ]);
    await manager.save(RequestEscalation, { requestId, reason: 'Waits', actorId: 7, actorLogin: 'olga', recipients: [{ userId: 9, email: 'm@example.org' }], createdAt: at(11) });
    await manager.insert(RequestValue, [
      { requestId, attributeId: 1, ord: 0, valueString: 'tver', valueText: null, valueNumber: null, valueInstant: null, queueId: null, isOpen: true },
      { requestId, attributeId: 2, ord: 0, valueString: null, valueText: null, valueNumber: 12.5, valueInstant: null, queueId: null, isOpen: true },
      { requestId, attributeId: 3, ord: 1, valueString: null, valueText: null, valueNumber: null, valueInstant: at(12), queueId: null, isOpen: true },
    ]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  it('reads rows by columns as find does, in id order', async () => {
    const manager = dataSource.manager;
    const history = await rowsWhere(manager, AuditEntry, { entityType: 'request', entityId: String(requestId) });
    expect(history).toEqual(await manager.find(AuditEntry, { where: { entityType: 'request', entityId: String(requestId) }, order: { id: 'ASC' } }));
    expect(history).toEqual([expect.objectContaining({ at: at(9), actorId: 7, changes: [{ field: 'status', old: null, new: 'new' }] })]);
    expect(await rowsWhere(manager, RequestEscalation, { requestId })).toEqual(await manager.find(RequestEscalation, { where: { requestId } }));
    expect(await rowsWhere(manager, CustomerRequest, { id: requestId })).toEqual([await manager.findOneBy(CustomerRequest, { id: requestId })]);
    const values = await rowsWhere(manager, RequestValue, { requestId });
    expect(values).toEqual(await manager.find(RequestValue, { where: { requestId }, order: { attributeId: 'ASC', ord: 'ASC' } }));
    expect(values.map((value) => [value.valueNumber, value.valueInstant, value.isOpen])).toEqual([[null, null, true], [12.5, null, true], [null, at(12), true]]);
    expect(await rowsWhere(manager, RequestEscalation, { requestId: requestId + 100 })).toEqual([]);
  });

  it('reads a request’s discussions with their comments in one statement, empty ones included', async () => {
    const manager = dataSource.manager;
    const discussions = await manager.find(Discussion, { where: { requestId }, order: { id: 'ASC' } });
    const comments = await manager.find(Comment, { where: { requestId }, order: { id: 'ASC' } });
    const threads = await discussionThreads(manager, requestId);
    expect(threads).toEqual(discussions.map((discussion) => ({ ...discussion, comments: comments.filter((comment) => comment.discussionId === discussion.id) })));
    expect(threads.map((thread) => [thread.title, thread.comments.map((comment) => comment.mentions)])).toEqual([['First', [[]]], ['Second', [['ivan'], ['olga', 'petr']]], ['Empty', []]]);
  });

  it('reads the whole topic configuration in one statement, as the four finds did', async () => {
    const manager = dataSource.manager;
    const [group] = await manager.save(AttributeGroup, [{ name: 'Money', sortOrder: 2, collapsed: true }]);
    const [root] = await manager.save(TopicNode, [{ code: 'ROOT', name: 'Root', description: null, kind: 'group' as const, parentId: null, active: true, sortOrder: 0 }]);
    const [topic] = await manager.save(TopicNode, [{ code: 'LEAF', name: 'Leaf', description: 'A topic', kind: 'topic' as const, parentId: root.id, active: false, sortOrder: 3 }]);
    const common = { description: null, scale: null, dictionaryCode: null, queryCode: null, mask: null, regex: null, listColumn: false };
    const [amount, note] = await manager.save(AttributeDefinition, [
      { ...common, code: 'amount', name: 'Amount', valueType: 'decimal' as const, scale: 2, multiple: false, defaultValue: { fixed: 10 }, required: { rule: { '>': [{ var: 'request.priority' }, 2] } }, hidden: false, readOnly: true, min: 0, max: '100', active: true, sortOrder: 1, attributeGroupId: group.id },
      { ...common, code: 'note', name: 'Note', valueType: 'text' as const, multiple: true, defaultValue: null, required: false, hidden: true, readOnly: false, min: null, max: null, active: false, sortOrder: 2, attributeGroupId: null, listColumn: true },
    ]);
    await manager.save(AttributeBinding, [
      { nodeId: root.id, attributeId: amount.id, required: null, hidden: { rule: { '==': [1, 1] } }, readOnly: null, defaultValue: null, sortOrder: 0 },
      { nodeId: topic.id, attributeId: note.id, required: true, hidden: null, readOnly: false, defaultValue: { rule: { var: 'user.login' } }, sortOrder: 1 },
    ]);
    const byId = <T extends { id: number }>(items: T[]) => [...items].sort((a, b) => a.id - b.id);
    const configuration = await loadConfiguration(manager);
    expect({ nodes: byId(configuration.nodes), attributes: byId(configuration.attributes), groups: byId(configuration.groups), bindings: byId(configuration.bindings) }).toEqual({
      nodes: byId((await manager.find(TopicNode)).map(nodeDef)),
      attributes: byId((await manager.find(AttributeDefinition)).map(attributeDef)),
      groups: byId((await manager.find(AttributeGroup)).map(groupDef)),
      bindings: byId((await manager.find(AttributeBinding)).map(bindingDef)),
    });
    expect(configuration.nodes.find((node) => node.code === 'LEAF')).toEqual({ id: topic.id, code: 'LEAF', name: 'Leaf', kind: 'topic', parentId: root.id, active: false, order: 3 });
    expect(configuration.attributes.find((attribute) => attribute.code === 'amount')).toMatchObject({ multiple: false, defaultValue: { fixed: 10 }, readOnly: true, min: 0, max: '100', attributeGroupId: group.id });
    expect(configuration.bindings.map((binding) => binding.defaultValue)).toEqual(expect.arrayContaining([null, { rule: { var: 'user.login' } }]));
  });
});
