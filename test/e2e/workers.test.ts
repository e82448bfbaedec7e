/**
 * DOCKET_WORKERS: the starting process migrates and seeds, then forks workers that share the port; a worker
 * that dies is replaced, and stopping the starting process stops them all.
 */
import { get } from 'node:http';
import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';

/** The process that answered a health check on a connection of its own (the cluster hands connections out in turn). */
function answeringProcess(base: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${base}/api/health`, { agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text).process) : reject(new Error(`health: ${response.statusCode} ${text}`))));
    }).on('error', reject);
  });
}

async function processesAnswering(base: string, calls = 24): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let n = 0; n < calls; n++) seen.add(await answeringProcess(base));
  return seen;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.each(testDatabases())('several worker processes on %s', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(database, { DOCKET_WORKERS: '2' });
  });
  afterAll(() => t?.close());

  it('serves from two workers, neither of them the starting process, which honour one another\'s sessions', async () => {
    const workers = await processesAnswering(t.url);
    expect(workers.size).toBe(2);
    expect(workers.has(t.process.pid!)).toBe(false);
    const admin = await t.loginAs('admin', t.adminPassword);
    // A session made by one worker is honoured by the other: sign-in state lives in the database.
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.call('GET', '/api/auth/me', { token: admin })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
  });

  it('replaces a worker that dies, and keeps serving meanwhile', async () => {
    const [victim] = await processesAnswering(t.url);
    process.kill(victim, 'SIGKILL');
    let workers = new Set<number>();
    for (let attempt = 0; attempt < 60 && (workers.size < 2 || workers.has(victim)); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      workers = await processesAnswering(t.url, 8);
    }
    expect(workers.has(victim)).toBe(false);
    expect(workers.size).toBe(2);
  });

  it('stops every worker when the starting process is told to stop', async () => {
    const workers = [...(await processesAnswering(t.url))];
    const exited = new Promise((resolve) => t.process.once('exit', resolve));
    t.process.kill('SIGTERM');
    await exited;
    for (let attempt = 0; attempt < 40 && workers.some(alive); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(workers.filter(alive)).toEqual([]);
  });
});
