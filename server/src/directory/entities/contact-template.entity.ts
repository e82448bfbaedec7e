import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What an operator's contact form starts from: place kind, allowed and default place, direction, channel,
 * allowed and default topics, allowed and default client category. Empty "allowed" lists mean "any".
 * Topic ids are kept as JSON: topics live in another module's table.
 */
@Entity('contact_templates')
@Index('UQ_contact_templates_code', ['code'], { unique: true })
export class ContactTemplate {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'int', nullable: true })
  placeKindId!: number | null;

  @Column({ type: 'simple-json' })
  allowedPlaceIds!: number[];

  @Column({ type: 'int', nullable: true })
  defaultPlaceId!: number | null;

  @Column({ type: 'int', nullable: true })
  directionId!: number | null;

  @Column({ type: 'int', nullable: true })
  channelId!: number | null;

  @Column({ type: 'simple-json' })
  allowedTopicIds!: number[];

  @Column({ type: 'int', nullable: true })
  defaultTopicId!: number | null;

  @Column({ type: 'simple-json' })
  allowedClientCategories!: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  defaultClientCategory!: string | null;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
