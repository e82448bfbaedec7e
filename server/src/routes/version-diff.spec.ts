import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteDefinition } from '../../../workflows/index';
import { definitionChanges, diffVersions } from './version-diff';

const contractTermination = (): RouteDefinition => JSON.parse(readFileSync(join(__dirname, '../../../workflows/fixtures/contract-termination.route.json'), 'utf8'));

describe('diffVersions', () => {
  it('finds nothing between a version and a copy with reordered keys and another diagram', () => {
    const before = contractTermination();
    const reordered = Object.fromEntries(Object.entries(contractTermination()).reverse()) as unknown as RouteDefinition;
    reordered.steps = reordered.steps.map((step) => Object.fromEntries(Object.entries(step).reverse()) as typeof step);
    reordered.diagram = { shapes: { Start: { x: 1, y: 2, width: 3, height: 4 } }, edges: {} };
    expect(diffVersions(before, reordered)).toEqual({
      from: 2,
      to: 2,
      route: [],
      steps: { added: [], removed: [], changed: [] },
      transitions: { added: [], removed: [], changed: [] },
    });
  });

  it('lists steps and transitions added, removed and changed, with the fields that changed', () => {
    const before = contractTermination();
    const after = contractTermination();
    after.version = 3;
    after.name = 'Contract termination (2026)';
    after.steps = after.steps.filter((step) => step.id !== 'NoticePeriod');
    after.steps.push({ id: 'Archive', name: 'Archive the contract', kind: 'userTask' });
    const register = after.steps.find((step) => step.id === 'Register');
    if (register?.kind !== 'userTask' || !register.queues) throw new Error('the fixture changed: Register is a user task with queues');
    register.queues.default = 'CP';
    const immediate = after.transitions.find((transition) => transition.id === 'Flow_Immediate');
    if (!immediate) throw new Error('the fixture changed: Flow_Immediate is missing');
    immediate.condition = { '==': [{ var: 'client.category' }, 'VIP'] };
    immediate.name = 'Terminate at once (VIP clients)';

    const diff = diffVersions(before, after);
    expect(diff.from).toBe(2);
    expect(diff.to).toBe(3);
    expect(diff.route).toEqual(['name']);
    expect(diff.steps.added).toEqual([{ id: 'Archive', name: 'Archive the contract' }]);
    expect(diff.steps.removed).toEqual([{ id: 'NoticePeriod', name: 'Notice period' }]);
    expect(diff.steps.changed).toEqual([{ id: 'Register', name: 'Register the termination', fields: ['queues'] }]);
    expect(diff.transitions.changed).toEqual([{ id: 'Flow_Immediate', name: 'Terminate at once (VIP clients)', fields: ['condition', 'name'] }]);
    expect(diff.transitions.added).toEqual([]);
    expect(diff.transitions.removed).toEqual([]);
  });
});

describe('definitionChanges', () => {
  it('journals each differing element old → new, and the whole route when there was none', () => {
    const before = contractTermination();
    const after = contractTermination();
    after.steps = after.steps.filter((step) => step.id !== 'NoticePeriod');
    const notice = before.steps.find((step) => step.id === 'NoticePeriod');
    expect(definitionChanges(before, after)).toEqual([{ field: 'step NoticePeriod', old: notice, new: null }]);

    const created = definitionChanges(null, after);
    expect(created.map((change) => change.field)).toEqual(expect.arrayContaining(['name', 'topics', 'step Start', 'transition Flow_Start']));
    expect(created.every((change) => change.field === 'name' || change.field === 'topics' || change.field === 'regulation' || change.field === 'handlers' || change.old === null)).toBe(true);
  });

  it('names elements by id only when the full values would not fit a journal line', () => {
    const after = contractTermination();
    after.steps.push(...Array.from({ length: 400 }, (_, index) => ({ id: `Extra${index}`, name: 'x'.repeat(150), kind: 'userTask' as const })));
    const [change, ...rest] = definitionChanges(contractTermination(), after);
    expect(rest).toEqual([]);
    expect(change.field).toBe('definition');
    expect((change.new as { steps: { added: string[] } }).steps.added).toHaveLength(400);
  });
});
