import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { dataSourceOptions } from '../database/data-source-options';

/**
 * Where reports and the dashboard read: a read replica when DOCKET_REPORTS_DATABASE_URL names one, so that long
 * GROUP BYs over months of requests do not load the primary the desk works on; else the primary itself. Figures
 * from a replica are as old as its replication lag.
 */
@Injectable()
export class ReportReader implements OnModuleInit, OnModuleDestroy {
  private replica?: DataSource;

  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  get dataSource(): DataSource {
    return this.replica ?? this.primary;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.reportsDatabaseUrl) return;
    this.replica = new DataSource(dataSourceOptions({ databaseUrl: this.config.reportsDatabaseUrl, driver: 'mysql' }));
    await this.replica.initialize();
  }

  async onModuleDestroy(): Promise<void> {
    await this.replica?.destroy();
  }
}
