import { Entity, Index } from 'typeorm';
import { CodedEntry } from './coded-entry.entity';

/** How a contact reaches Docket (phone, e-mail, web, visit, SMS, chat). */
@Entity('channels')
@Index('UQ_channels_code', ['code'], { unique: true })
export class Channel extends CodedEntry {}
