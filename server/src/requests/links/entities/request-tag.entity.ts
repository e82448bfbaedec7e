import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A tag on a request, stored normalised (request-tags.ts); the pair is the key, so a request carries a tag once. */
@Entity('request_tags')
@Index('IDX_request_tags_tag', ['tag'])
export class RequestTag {
  @PrimaryColumn({ type: 'int' })
  requestId!: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  tag!: string;
}
