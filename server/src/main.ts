import cluster from 'node:cluster';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BootstrapService } from './auth/bootstrap.service';
import { createDocketApp } from './app.factory';
import { loadConfig, type DocketConfig } from './config/docket-config';
import { reportListening, runWorkers } from './workers';
import { DemoSeedService } from './demo/demo-seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  if (cluster.isWorker) return serveAsWorker(config);
  const app = await createDocketApp(config);
  if (process.argv.includes('--migrate-only')) {
    console.log('Migrations are applied.');
    await app.close();
    return;
  }
  const demoLogins = await app.get(DemoSeedService).seedIfWanted();
  const firstAdmin = app.get(BootstrapService).firstAdmin;
  let port: number;
  if (config.workers > 1) {
    // This process has migrated and seeded the database; the workers, each a whole Docket, serve it.
    await app.close();
    port = await runWorkers(config.workers, (line) => console.log(line));
  } else {
    await app.listen({ port: config.port, host: config.host });
    port = listeningPort(app, config.port);
  }
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [`Docket is running at ${url}  (API ${url}/api, OpenAPI ${url}/api/docs)`, `Database: ${config.driver} (${redact(config.databaseUrl)})`];
  if (config.workers > 1) lines.push(`Workers: ${config.workers} processes`);
  if (firstAdmin?.generatedPassword) lines.push(`First administrator: admin / ${firstAdmin.generatedPassword}  (shown once; change it after signing in)`);
  for (const demo of demoLogins) lines.push(`Demo login: ${demo.login} / ${demo.password}  (${demo.roles.join(', ')})`);
  console.log(lines.join('\n'));
}

async function serveAsWorker(config: DocketConfig): Promise<void> {
  const app = await createDocketApp(config);
  await app.listen({ port: config.port, host: config.host });
  reportListening(listeningPort(app, config.port));
}

function listeningPort(app: NestFastifyApplication, configured: number): number {
  const address = app.getHttpServer().address();
  return typeof address === 'object' && address ? address.port : configured;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
