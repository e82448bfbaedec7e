import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (one line per module and route): useful when debugging, noise in an operator's log. */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** JSON log lines; Nest's start-up lines only at `debug`. */
export class DocketLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && START_UP_CONTEXTS.has(context)) this.debug(message, context);
    else super.log(message, context);
  }
}
