import { bindParameters, checkDeclarations, QueryParameter } from './query-parameters';

const declared: QueryParameter[] = [
  { name: 'category', type: 'string', required: true },
  { name: 'minPriority', type: 'integer', required: false },
  { name: 'since', type: 'date', required: false },
  { name: 'vip', type: 'boolean', required: false },
];

describe('query parameters', () => {
  it('binds typed values in placeholder order, repeating a name used twice', () => {
    const bound = bindParameters(declared, ['category', 'minPriority', 'category', 'vip'], { category: 'BIS', minPriority: 2, vip: true });
    expect(bound).toEqual({ values: ['BIS', 2, 'BIS', 1], errors: [] });
  });

  it('reports missing, mistyped and unknown parameters with their paths', () => {
    const bound = bindParameters(declared, ['category'], { minPriority: '2; DROP TABLE x', since: '2025-13-45', extra: 1 });
    expect(bound.errors).toEqual(
      expect.arrayContaining([
        { path: 'params.extra', message: 'unknown parameter' },
        { path: 'params.category', message: 'is required' },
        { path: 'params.minPriority', message: 'must be an integer' },
        { path: 'params.since', message: 'must be a date (YYYY-MM-DD)' },
      ]),
    );
    expect(bound.errors).toHaveLength(4);
  });

  it('finds undeclared placeholders and unused declarations', () => {
    expect(checkDeclarations(declared.slice(0, 1), ['category', 'region'])).toEqual([{ path: 'sql', message: 'the parameter :region is not declared' }]);
    expect(checkDeclarations(declared.slice(0, 2), ['category'])).toEqual([{ path: 'parameters', message: 'the parameter minPriority is not used in the query' }]);
  });
});
