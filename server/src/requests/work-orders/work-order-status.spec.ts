import { allowedNext, canMove, WORK_ORDER_STATUSES } from './work-order-status';

describe('work order status', () => {
  it('moves forward only along the allowed transitions', () => {
    expect(canMove('new', 'accepted')).toBe(true);
    expect(canMove('new', 'rejected')).toBe(true);
    expect(canMove('accepted', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'done')).toBe(true);
    expect(canMove('new', 'done')).toBe(false);
    expect(canMove('in_progress', 'new')).toBe(false);
    expect(canMove('accepted', 'accepted')).toBe(false);
  });

  it('ends at done and rejected', () => {
    expect(allowedNext('done')).toEqual([]);
    expect(allowedNext('rejected')).toEqual([]);
    expect(WORK_ORDER_STATUSES.filter((status) => allowedNext(status).length === 0)).toEqual(['done', 'rejected']);
  });
});
