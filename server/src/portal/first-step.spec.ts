import type { RouteDefinition } from '../../../workflows/index';
import { firstUserTask } from './first-step';

const route = (steps: unknown[], transitions: unknown[]) => ({ steps, transitions }) as unknown as Pick<RouteDefinition, 'steps' | 'transitions'>;

describe('firstUserTask', () => {
  it('finds the user task right after the start', () => {
    const found = firstUserTask(route([{ id: 'S', kind: 'start' }, { id: 'A', kind: 'userTask', name: 'Dispatch' }, { id: 'B', kind: 'userTask', name: 'Engineer' }], [{ id: 't1', from: 'S', to: 'A' }, { id: 't2', from: 'A', to: 'B' }]));
    expect(found?.id).toBe('A');
  });

  it('passes through automatic steps and gateways, nearest first', () => {
    const found = firstUserTask(
      route(
        [{ id: 'S', kind: 'start' }, { id: 'G', kind: 'exclusiveGateway' }, { id: 'X', kind: 'automatic' }, { id: 'Far', kind: 'userTask' }, { id: 'Near', kind: 'userTask' }],
        [{ id: 'a', from: 'S', to: 'G' }, { id: 'b', from: 'G', to: 'X' }, { id: 'c', from: 'G', to: 'Near' }, { id: 'd', from: 'X', to: 'Far' }],
      ),
    );
    expect(found?.id).toBe('Near');
  });

  it('gives undefined without a start or without a reachable user task, and survives loops', () => {
    expect(firstUserTask(route([{ id: 'A', kind: 'userTask' }], []))).toBeUndefined();
    expect(firstUserTask(route([{ id: 'S', kind: 'start' }, { id: 'X', kind: 'automatic' }, { id: 'Y', kind: 'automatic' }], [{ id: 'a', from: 'S', to: 'X' }, { id: 'b', from: 'X', to: 'Y' }, { id: 'c', from: 'Y', to: 'X' }]))).toBeUndefined();
  });
});
