import { DynamicModule, Global, Module } from '@nestjs/common';
import { SecretBox } from '../common/secret-box';
import type { DocketConfig } from './docket-config';
import { loadSecretKey } from './secret-key';

export const DOCKET_CONFIG = Symbol('DOCKET_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: DocketConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: DOCKET_CONFIG, useValue: config },
        { provide: SecretBox, useFactory: () => new SecretBox(loadSecretKey(config.secretKey)) },
      ],
      exports: [DOCKET_CONFIG, SecretBox],
    };
  }
}
