import { Channel } from './channel.entity';
import { ClientContract } from './client-contract.entity';
import { ClientNote } from './client-note.entity';
import { ClientService } from './client-service.entity';
import { Client } from './client.entity';
import { ContactPerson } from './contact-person.entity';
import { ContactPlace } from './contact-place.entity';
import { ContactPoint } from './contact-point.entity';
import { ContactTemplateOperator } from './contact-template-operator.entity';
import { ContactTemplate } from './contact-template.entity';
import { Direction } from './direction.entity';
import { Partner } from './partner.entity';
import { PlaceKind } from './place-kind.entity';

/** Every entity of the directory module, for its module and server/src/database/entities.ts. */
export const DIRECTORY_ENTITIES = [
  Client,
  ContactPoint,
  ClientContract,
  ClientService,
  ClientNote,
  ContactPerson,
  Partner,
  PlaceKind,
  Channel,
  Direction,
  ContactPlace,
  ContactTemplate,
  ContactTemplateOperator,
];
