import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ROUTE_SOURCE } from '../requests/route-source';
import { SlaModule } from '../sla/sla.module';
import { RouteCatalog } from './route-catalog';
import { RouteMigrationService } from './route-migration.service';
import { RouteVersionsService } from './route-versions.service';
import { RoutesController } from './routes.controller';
import { RoutesService } from './routes.service';

/** Routes and their versions; requests read published versions through ROUTE_SOURCE only. */
@Module({
  imports: [AuditModule, SlaModule],
  controllers: [RoutesController],
  providers: [RoutesService, RouteVersionsService, RouteMigrationService, RouteCatalog, { provide: ROUTE_SOURCE, useExisting: RouteCatalog }],
  exports: [ROUTE_SOURCE, RoutesService, RouteVersionsService],
})
export class RoutesModule {}
