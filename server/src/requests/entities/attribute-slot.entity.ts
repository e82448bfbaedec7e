import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/timestamps';

/** Which `requests.list*` column holds a list-column attribute; `ready` once existing values are copied in. */
@Entity('attribute_slots')
@Index('UQ_attribute_slots_slot', ['slot'], { unique: true })
export class AttributeSlot {
  @PrimaryColumn({ type: 'int' })
  attributeId!: number;

  @Column({ length: 32 })
  slot!: string;

  @Column({ length: 16 })
  state!: 'backfilling' | 'ready';

  @InstantColumn()
  assignedAt!: Date;
}
