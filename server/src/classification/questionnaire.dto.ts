import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { ActiveField, CodeField, NameField } from '../common/dto-fields';
import type { Answer, QuestionnaireDefinition } from './questionnaire';

const EXAMPLE: QuestionnaireDefinition = {
  questions: [
    { code: 'area', text: 'What does not work?', kind: 'choice', options: [{ value: 'internet', label: 'Internet' }, { value: 'printer', label: 'Printer' }] },
    { code: 'allDevices', text: 'On every device?', kind: 'yesno', askWhen: { '==': [{ var: 'answers.area' }, 'internet'] } },
  ],
  suggestions: [{ when: { '==': [{ var: 'answers.allDevices' }, true] }, topic: 'internet.outage', problems: ['PRB-2026-000001'], articles: [3], note: 'Probably the outage in the north district' }],
};

export class CreateQuestionnaireDto {
  @CodeField('first-line')
  code!: string;

  @NameField('First-line classification')
  name!: string;

  @ActiveField()
  active?: boolean;

  @ApiProperty({
    description:
      'questions (code, text, kind: choice | yesno | number | text, options for choice, askWhen: JSONLogic over the earlier answers.<code>) asked in order, and suggestions (when: JSONLogic over answers.<code>; topic code, problem numbers, article ids, note)',
    example: EXAMPLE,
  })
  @IsObject()
  definition!: QuestionnaireDefinition;
}

export class UpdateQuestionnaireDto extends PartialType(OmitType(CreateQuestionnaireDto, ['code'] as const)) {}

export class WalkQuestionnaireDto {
  @ApiPropertyOptional({ description: 'the answers so far, by question code', example: { area: 'internet', allDevices: true } })
  @IsOptional()
  @IsObject()
  answers?: Record<string, Answer>;
}
