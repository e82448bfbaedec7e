import { Entity, Index } from 'typeorm';
import { CodedEntry } from './coded-entry.entity';

/** Inbound or outbound. */
@Entity('directions')
@Index('UQ_directions_code', ['code'], { unique: true })
export class Direction extends CodedEntry {}
