import { Module } from '@nestjs/common';
import { PartnerUsersController, RequestWorkOrdersController, WorkOrdersController } from './work-orders.controller';
import { WorkOrdersService } from './work-orders.service';

/** Work orders to partner organisations, and the binding of users to partners. */
@Module({ controllers: [RequestWorkOrdersController, WorkOrdersController, PartnerUsersController], providers: [WorkOrdersService] })
export class WorkOrdersModule {}
