import { apiAs, publishRoute } from './request-data';

type Ok = ReturnType<typeof apiAs>['ok'];

/**
 * Topics PARENT and CHILD with published routes: a PARENT request starts, as it is registered, two CHILD requests
 * worked in `queue`, then waits in `queue` itself. Answers the topics' ids.
 */
export async function publishFamily(ok: Ok, queue: string): Promise<{ parentTopic: number; childTopic: number }> {
  const parentTopic = (await ok('admin', 'POST', '/api/topics', { code: 'PARENT', name: 'Parent work', kind: 'topic' }, 201)).id;
  const childTopic = (await ok('admin', 'POST', '/api/topics', { code: 'CHILD', name: 'Child task', kind: 'topic' }, 201)).id;
  const userTask = { id: 'Work', name: 'Work', kind: 'userTask', queues: { rules: [], default: queue } };
  await publishRoute(ok, 'CHILD', [childTopic], {
    code: 'CHILD',
    name: 'Child',
    version: 1,
    topics: ['CHILD'],
    steps: [{ id: 'Start', name: 'Start', kind: 'start' }, userTask, { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' }],
    transitions: [
      { id: 'toWork', name: '', from: 'Start', to: 'Work' },
      { id: 'done', name: 'Done', from: 'Work', to: 'Done' },
    ],
  });
  await publishRoute(ok, 'PARENT', [parentTopic], {
    code: 'PARENT',
    name: 'Parent',
    version: 1,
    topics: ['PARENT'],
    steps: [
      { id: 'Start', name: 'Start', kind: 'start' },
      { id: 'Split', name: 'In parallel', kind: 'parallelGateway' },
      { id: 'SetUp', name: 'Set up', kind: 'childRequests', children: [{ topic: 'CHILD', title: 'First part' }, { topic: 'CHILD', title: 'Second part' }] },
      userTask,
      { id: 'Join', name: 'Both done', kind: 'parallelGateway' },
      { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
    ],
    transitions: [
      { id: 'toSplit', name: '', from: 'Start', to: 'Split' },
      { id: 'toSetUp', name: '', from: 'Split', to: 'SetUp' },
      { id: 'toWork', name: '', from: 'Split', to: 'Work' },
      { id: 'setUpDone', name: '', from: 'SetUp', to: 'Join' },
      { id: 'worked', name: 'Worked', from: 'Work', to: 'Join' },
      { id: 'joined', name: '', from: 'Join', to: 'Done' },
    ],
  });
  return { parentTopic, childTopic };
}
