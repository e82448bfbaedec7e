import { buildTree, isUnder, parentMap, wouldCycle } from './hierarchy';

const rows = [
  { id: 1, code: 'NW', parentId: null, position: 1 },
  { id: 2, code: 'PSKOV', parentId: 1, position: 2 },
  { id: 3, code: 'SPB', parentId: 1, position: 1 },
  { id: 4, code: 'VELIKIE_LUKI', parentId: 2, position: 0 },
  { id: 5, code: 'CENTRE', parentId: null, position: 0 },
];

describe('hierarchy', () => {
  it('nests rows and orders each level by position', () => {
    const tree = buildTree(rows);
    expect(tree.map((node) => node.code)).toEqual(['CENTRE', 'NW']);
    expect(tree[1].children.map((node) => node.code)).toEqual(['SPB', 'PSKOV']);
    expect(tree[1].children[1].children.map((node) => node.code)).toEqual(['VELIKIE_LUKI']);
  });

  it('builds the parent map the rule engine reads', () => {
    expect(parentMap(rows)).toEqual({ NW: null, PSKOV: 'NW', SPB: 'NW', VELIKIE_LUKI: 'PSKOV', CENTRE: null });
  });

  it('answers whether a value lies under a node, including the node itself', () => {
    const map = parentMap(rows);
    expect(isUnder(map, 'VELIKIE_LUKI', 'NW')).toBe(true);
    expect(isUnder(map, 'PSKOV', 'PSKOV')).toBe(true);
    expect(isUnder(map, 'SPB', 'PSKOV')).toBe(false);
    expect(isUnder(map, 'UNKNOWN', 'NW')).toBe(false);
  });

  it('stops on a cycle in bad data', () => {
    expect(isUnder({ A: 'B', B: 'A' }, 'A', 'C')).toBe(false);
  });

  it('detects a move that would form a cycle', () => {
    const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
    expect(wouldCycle(1, 4, parentOf)).toBe(true);
    expect(wouldCycle(2, 2, parentOf)).toBe(true);
    expect(wouldCycle(4, 5, parentOf)).toBe(false);
    expect(wouldCycle(4, null, parentOf)).toBe(false);
  });
});
