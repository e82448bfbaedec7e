import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Read-only figures for managers, computed by the database (GROUP BY), never by loading rows. */
@Module({ controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
