import { BootstrapService } from './auth/bootstrap.service';
import { createDocketApp } from './app.factory';
import { loadConfig } from './config/docket-config';
import { DemoSeedService } from './demo/demo-seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createDocketApp(config);
  if (process.argv.includes('--migrate-only')) {
    console.log('Migrations are applied.');
    await app.close();
    return;
  }
  const demoLogins = await app.get(DemoSeedService).seedIfWanted();
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const lines = [`Docket is running at ${url}  (API ${url}/api, OpenAPI ${url}/api/docs)`, `Database: ${config.driver} (${redact(config.databaseUrl)})`];
  const firstAdmin = app.get(BootstrapService).firstAdmin;
  if (firstAdmin?.generatedPassword) lines.push(`First administrator: admin / ${firstAdmin.generatedPassword}  (shown once; change it after signing in)`);
  for (const demo of demoLogins) lines.push(`Demo login: ${demo.login} / ${demo.password}  (${demo.roles.join(', ')})`);
  console.log(lines.join('\n'));
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
