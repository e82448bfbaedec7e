import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** How a contact reaches Docket (phone, e-mail, web, visit, SMS, chat). */
@Entity('channels')
@Index('UQ_channels_code', ['code'], { unique: true })
export class Channel {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
