import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../auth/principal';
import { CurrentPrincipal, RequirePermission } from '../auth/principal';
import { SearchQueryDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @RequirePermission('requests.read')
  @ApiOperation({ summary: 'full-text search over request subjects and descriptions, comments and attachment text, limited to what the caller may read' })
  find(@CurrentPrincipal() actor: Principal, @Query() query: SearchQueryDto) {
    return this.search.search(actor, query);
  }
}
