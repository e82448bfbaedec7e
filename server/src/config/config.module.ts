import { DynamicModule, Global, Module } from '@nestjs/common';
import type { DocketConfig } from './docket-config';

export const DOCKET_CONFIG = Symbol('DOCKET_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: DocketConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: DOCKET_CONFIG, useValue: config }], exports: [DOCKET_CONFIG] };
  }
}
