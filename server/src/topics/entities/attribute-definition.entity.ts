import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DefaultSetting, FlagSetting, ValueType } from '../resolution/definitions';

/**
 * A dynamic attribute. Its id is what `request_values.attributeId` and `attribute_slots.attributeId`
 * refer to. Flags and the default are fixed values or rules (simple-json); topic bindings and route
 * steps may override them flag by flag.
 */
@Entity('attributes')
@Index('IDX_attributes_group', ['attributeGroupId'])
export class AttributeDefinition {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_attributes_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 24 })
  valueType!: ValueType;

  @Column({ type: 'smallint', nullable: true })
  scale!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  dictionaryCode!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  queryCode!: string | null;

  @Column({ default: false })
  multiple!: boolean;

  @Column({ type: 'simple-json', nullable: true })
  defaultValue!: DefaultSetting | null;

  @Column({ type: 'simple-json' })
  required!: FlagSetting;

  @Column({ type: 'simple-json' })
  hidden!: FlagSetting;

  @Column({ type: 'simple-json' })
  readOnly!: FlagSetting;

  @Column({ type: 'varchar', length: 200, nullable: true })
  mask!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  regex!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  min!: number | string | null;

  @Column({ type: 'simple-json', nullable: true })
  max!: number | string | null;

  @Column({ default: true })
  active!: boolean;

  @Column({ default: false })
  listColumn!: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @Column({ type: 'int', nullable: true })
  attributeGroupId!: number | null;
}
