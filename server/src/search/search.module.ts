import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Full-text search; the index itself is written by the writers' transactions (search-index.ts). */
@Module({ controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
