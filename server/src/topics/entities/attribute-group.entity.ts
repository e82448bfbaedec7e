import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A titled section of the request form; `collapsed` is how it is shown at first. */
@Entity('attribute_groups')
export class AttributeGroup {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 200 })
  name!: string;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @Column({ default: false })
  collapsed!: boolean;
}
