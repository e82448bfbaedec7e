import type { TopicNodeDef } from './definitions';
import { descendantsOf, pathToNode, treeIssues } from './tree';

const node = (id: number, code: string, parentId: number | null, kind: TopicNodeDef['kind'] = 'group'): TopicNodeDef => ({ id, code, name: code, kind, parentId, active: true, order: 0 });

describe('topic tree', () => {
  const tree = [node(1, 'ROOT', null), node(2, 'TEST', 1), node(3, 'TERMINATION', 2, 'topic'), node(4, 'OTHER', 1, 'topic')];

  it('walks from the root down to a topic', () => {
    expect(pathToNode(tree, 3).map((entry) => entry.code)).toEqual(['ROOT', 'TEST', 'TERMINATION']);
    expect(descendantsOf(tree, 1).map((entry) => entry.code)).toEqual(['TEST', 'OTHER', 'TERMINATION']);
  });

  it('accepts a well-formed tree', () => {
    expect(treeIssues(tree)).toEqual([]);
  });

  it('names the nodes of a cycle once', () => {
    const cyclic = [node(1, 'A', 3), node(2, 'B', 1), node(3, 'C', 2), node(4, 'D', 3, 'topic')];
    expect(treeIssues(cyclic)).toEqual([{ path: 'parentId', message: 'the topic tree would have a cycle: A → C → B → A' }]);
    expect(() => pathToNode(cyclic, 4)).toThrow('cycle');
  });

  it('refuses a topic as a parent and a missing parent', () => {
    expect(treeIssues([node(1, 'T', null, 'topic'), node(2, 'X', 1), node(3, 'Y', 9)]).map((issue) => issue.message)).toEqual([
      '"X" is placed under topic "T"; only a topic group can hold other nodes',
      '"Y" is placed under node 9, which does not exist',
    ]);
  });
});
