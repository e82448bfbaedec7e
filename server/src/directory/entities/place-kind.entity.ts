import { Entity, Index } from 'typeorm';
import { CodedEntry } from './coded-entry.entity';

/** A kind of contact place (call centre, office, web). */
@Entity('place_kinds')
@Index('UQ_place_kinds_code', ['code'], { unique: true })
export class PlaceKind extends CodedEntry {}
