import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NodeKind } from '../resolution/definitions';

/**
 * One node of the topic tree: a `group` holds other nodes, a `topic` is what a request is about. The
 * attributes bound to a group apply to every topic below it.
 */
@Entity('topic_nodes')
@Index('IDX_topic_nodes_parent', ['parentId', 'sortOrder'])
export class TopicNode {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_topic_nodes_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 8 })
  kind!: NodeKind;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  /** Inactive topics stay on existing requests but are not offered for new ones. */
  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
