import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/timestamps';
import type { QuestionnaireDefinition } from './questionnaire';

/** A classification questionnaire: its tree of questions and suggestions is data, read by the rule engine. */
@Entity('classification_questionnaires')
export class ClassificationQuestionnaire {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_classification_questionnaires_code', { unique: true })
  @Column({ length: 64 })
  code!: string;

  @Column({ length: 200 })
  name!: string;

  @Column({ default: true })
  active!: boolean;

  @Column({ type: 'simple-json' })
  definition!: QuestionnaireDefinition;

  @InstantColumn()
  createdAt!: Date;

  @InstantColumn()
  updatedAt!: Date;
}
