import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { DocketLogger } from './common/docket-logger';
import { DocketErrorFilter } from './common/error-filter';
import { serveConsole } from './common/static-console';
import { createValidationPipe } from './common/validation';
import type { DocketConfig } from './config/docket-config';
import multipart from '@fastify/multipart';

const NEST_LEVELS: Record<DocketConfig['logLevel'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  silent: [],
};

/** Builds the whole application; `main.ts` and the tests both start Docket through this one function. */
export async function createDocketApp(config: DocketConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel === 'info' ? 'warn' : config.logLevel },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new DocketLogger({ json: true, logLevels: NEST_LEVELS[config.logLevel] }),
  });
  // Multipart bodies are read only by the handlers that ask for them (attachments), as streams, each with its own limits.
  await app.register(multipart as never, { limits: { files: 1, parts: 10 } });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DocketErrorFilter(await serveConsole(app.getHttpAdapter().getInstance(), config.consoleDir)));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Docket API')
      .setDescription('Service desk: configuration, requests, routes, regulation. Errors are {code, message, details:[{path, message}]}.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return app;
}
