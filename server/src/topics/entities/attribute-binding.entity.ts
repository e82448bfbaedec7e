import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DefaultSetting, FlagSetting } from '../resolution/definitions';

/**
 * An attribute placed on a topic tree node. The highest binding on a topic's path brings the attribute
 * in; lower ones override it flag by flag (`null` = inherit).
 */
@Entity('attribute_bindings')
@Index('UQ_attribute_bindings_node_attribute', ['nodeId', 'attributeId'], { unique: true })
@Index('IDX_attribute_bindings_attribute', ['attributeId'])
export class AttributeBinding {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  nodeId!: number;

  @Column({ type: 'int' })
  attributeId!: number;

  @Column({ type: 'simple-json', nullable: true })
  required!: FlagSetting | null;

  @Column({ type: 'simple-json', nullable: true })
  hidden!: FlagSetting | null;

  @Column({ type: 'simple-json', nullable: true })
  readOnly!: FlagSetting | null;

  @Column({ type: 'simple-json', nullable: true })
  defaultValue!: DefaultSetting | null;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
