import { Module } from '@nestjs/common';
import { RequestGroupsService } from './request-groups.service';
import { SavedFiltersService } from './saved-filters.service';
import { RequestGroupsController, SavedFiltersController } from './views.controller';

/** Operator views over requests besides the list: counts grouped by a field, watching, saved filters. */
@Module({
  controllers: [RequestGroupsController, SavedFiltersController],
  providers: [RequestGroupsService, SavedFiltersService],
})
export class RequestViewsModule {}
