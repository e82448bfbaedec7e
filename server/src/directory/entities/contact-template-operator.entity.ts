import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A contact template given to an operator (a user); an operator may hold several. */
@Entity('contact_template_operators')
@Index('IDX_contact_template_operators_user', ['userId'])
export class ContactTemplateOperator {
  @PrimaryColumn({ type: 'int' })
  templateId!: number;

  @PrimaryColumn({ type: 'int' })
  userId!: number;
}
