import { choose } from './mail-fetch';

describe('choosing the messages of one poll', () => {
  const limits = { maxMessageBytes: 100, maxBatchBytes: 150, maxMessages: 3 };

  it('takes messages in order up to the byte budget, at least one', () => {
    expect(choose([{ uid: 1, size: 60 }, { uid: 2, size: 60 }, { uid: 3, size: 60 }], limits).map((message) => message.uid)).toEqual([1, 2]);
    expect(choose([{ uid: 5, size: 100 }, { uid: 6, size: 100 }], { ...limits, maxBatchBytes: 10 }).map((message) => message.uid)).toEqual([5]);
  });

  it('lists a message over the limit without downloading it, and without spending the budget on it', () => {
    expect(choose([{ uid: 1, size: 5000 }, { uid: 2, size: 90 }, { uid: 3, size: 50 }], limits)).toEqual([
      { uid: 1, size: 5000, download: false },
      { uid: 2, size: 90, download: true },
      { uid: 3, size: 50, download: true },
    ]);
  });

  it('stops at the message count', () => {
    expect(choose([1, 2, 3, 4].map((uid) => ({ uid, size: 1 })), limits)).toHaveLength(3);
    expect(choose([], limits)).toEqual([]);
  });
});
