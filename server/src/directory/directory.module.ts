import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DictionariesModule } from '../dictionaries/dictionaries.module';
import { ClientsController } from './clients/clients.controller';
import { ClientsService } from './clients/clients.service';
import { DirectoryDemoSeeder } from './directory-demo.seeder';
import { DIRECTORY_ENTITIES } from './entities';
import { ContactTemplatesService } from './intake/contact-templates.service';
import { ChannelsController, ContactPlacesController, ContactTemplatesController, DirectionsController, PlaceKindsController } from './intake/intake.controllers';
import { IntakeListsService } from './intake/intake-lists.service';
import { CallerLookupService } from './lookup/caller-lookup.service';
import { CallerLookupController } from './lookup/lookup.controller';
import { ContactPersonsController, PartnersController } from './people/people.controller';
import { PeopleService } from './people/people.service';

@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES), DictionariesModule],
  controllers: [
    ClientsController,
    ContactPersonsController,
    PartnersController,
    PlaceKindsController,
    ChannelsController,
    DirectionsController,
    ContactPlacesController,
    ContactTemplatesController,
    CallerLookupController,
  ],
  providers: [ClientsService, PeopleService, IntakeListsService, ContactTemplatesService, DirectoryDemoSeeder, CallerLookupService],
  exports: [ClientsService, PeopleService, IntakeListsService, ContactTemplatesService, DirectoryDemoSeeder],
})
export class DirectoryModule {}
