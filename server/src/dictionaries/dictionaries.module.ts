import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DictionariesController } from './dictionaries.controller';
import { DictionariesService } from './dictionaries.service';
import { DynamicQueriesController } from './dynamic-queries/dynamic-queries.controller';
import { DynamicQueriesService } from './dynamic-queries/dynamic-queries.service';
import { DICTIONARY_ENTITIES } from './entities';
import { ExternalDictionariesController } from './external/external-dictionaries.controller';
import { ExternalDictionariesService } from './external/external-dictionaries.service';

@Module({
  imports: [TypeOrmModule.forFeature(DICTIONARY_ENTITIES)],
  controllers: [DictionariesController, ExternalDictionariesController, DynamicQueriesController],
  providers: [DictionariesService, ExternalDictionariesService, DynamicQueriesService],
  exports: [DictionariesService, ExternalDictionariesService, DynamicQueriesService],
})
export class DictionariesModule {}
