import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/principal';
import { DocketError } from '../common/docket-error';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  /** For load balancers: 200 when the database answers, 503 otherwise. */
  @Public()
  @Get()
  async check() {
    const started = performance.now();
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DocketError(503, 'database_unavailable', 'The database does not answer');
    }
    // The process lets an operator running several workers (DOCKET_WORKERS) see which one answered.
    return { status: 'ok', process: process.pid, database: { driver: this.config.driver, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
  }
}
