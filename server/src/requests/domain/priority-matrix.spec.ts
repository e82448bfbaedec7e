import { classify, customerClassification, priorityMatrix } from './priority-matrix';

const ITIL = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
].flatMap((row, impact) => row.map((priority, urgency) => ({ impact: impact + 1, urgency: urgency + 1, priority })));

describe('priority from impact and urgency', () => {
  const matrix = priorityMatrix(ITIL);

  it('reads the priority from the stored cells', () => {
    expect(classify(matrix, 1, 1, '')).toEqual({ priority: 1 });
    expect(classify(matrix, 2, 3, '')).toEqual({ priority: 4 });
    expect(classify(matrix, 3, 3, '')).toEqual({ priority: 5 });
  });

  it('follows the data, not a formula', () => {
    const custom = priorityMatrix([...ITIL.filter((cell) => !(cell.impact === 1 && cell.urgency === 3)), { impact: 1, urgency: 3, priority: 1 }]);
    expect(classify(custom, 1, 3, '')).toEqual({ priority: 1 });
  });

  it('names the levels the matrix knows when given others', () => {
    expect(classify(matrix, 0, 9, 'requests.0.')).toEqual({
      issues: [
        { path: 'requests.0.impact', message: 'impact must be one of 1, 2, 3' },
        { path: 'requests.0.urgency', message: 'urgency must be one of 1, 2, 3' },
      ],
    });
  });

  it('reports a hole in an incomplete matrix instead of guessing', () => {
    const holed = priorityMatrix(ITIL.filter((cell) => !(cell.impact === 2 && cell.urgency === 2)));
    expect(classify(holed, 2, 2, '')).toEqual({ issues: [{ path: 'urgency', message: 'the priority matrix has no cell for impact 2 and urgency 2' }] });
  });

  it('classifies a customer’s request at the lowest impact, and the lowest urgency unless they chose one', () => {
    const matrix = priorityMatrix(ITIL);
    expect(customerClassification(matrix)).toEqual({ impact: 3, urgency: 3 });
    expect(customerClassification(matrix, 1)).toEqual({ impact: 3, urgency: 1 });
  });
});
