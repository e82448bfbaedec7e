import cluster, { type Worker } from 'node:cluster';

/** What a worker tells the starting process once it listens. */
interface Listening {
  docketListening: number;
}
const isListening = (message: unknown): message is Listening => typeof (message as Listening | null)?.docketListening === 'number';

/** In a worker: tells the starting process the port it listens on (the same for every worker, even for port 0). */
export function reportListening(port: number): void {
  process.send?.({ docketListening: port } satisfies Listening);
}

/**
 * Forks `count` workers, one after another, that share the listening socket (node:cluster hands connections out
 * in turn) and keeps that many running: one that dies is replaced. Answers the port once every worker listens. SIGTERM or SIGINT
 * stops the workers (each finishes through its own shutdown hooks) and then this process.
 */
export function runWorkers(count: number, log: (line: string) => void): Promise<number> {
  let stopping = false;
  const waiting = new Set<Worker>();
  return new Promise((resolve, reject) => {
    let port: number | undefined;
    let forked = 0;
    // One at a time at start: each worker's bootstrap writes (built-in roles, templates, reports) would otherwise
    // meet the others' on SQLite, where a transaction that read before another wrote cannot write (SQLITE_BUSY).
    const fork = () => {
      const worker = cluster.fork();
      forked++;
      waiting.add(worker);
      worker.on('message', (message: unknown) => {
        if (!isListening(message) || !waiting.delete(worker)) return;
        port = message.docketListening;
        if (forked < count) fork();
        else if (!waiting.size) resolve(port);
      });
    };
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (waiting.delete(worker) && port === undefined) {
        stopping = true;
        reject(new Error(`a worker exited with ${signal ?? code} before it listened`));
        return;
      }
      log(`Worker ${worker.process.pid} exited with ${signal ?? code}; starting another`);
      fork();
    });
    const stop = () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker);
      let left = workers.length;
      if (!left) process.exit(0);
      for (const worker of workers) {
        worker.once('exit', () => --left || process.exit(0));
        worker.kill('SIGTERM');
      }
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    fork();
  });
}
