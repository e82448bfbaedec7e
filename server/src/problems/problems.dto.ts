import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IdListField, OptionalTextField, RichTextField, SubjectField } from '../common/dto-fields';
import { PageQuery } from '../common/paging';
import { PROBLEM_ENDINGS, PROBLEM_STATUSES, type ProblemEnding, type ProblemStatus } from './problem-status';

const MAX_TEXT = 20_000;
/** Requests linked or unlinked in one call; a mass problem links more in several. */
export const MAX_LINKS_PER_CALL = 500;

export class CreateProblemDto {
  @SubjectField()
  subject!: string;

  @RichTextField(MAX_TEXT)
  description?: string;

  @ApiPropertyOptional({ description: 'a general (mass) problem: many requests, resolved together' })
  @IsOptional()
  @IsBoolean()
  isMass?: boolean;

  @OptionalTextField(MAX_TEXT)
  knownSolution?: string;

  @OptionalTextField(MAX_TEXT)
  workaround?: string;
}

export class ProblemListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES)
  status?: ProblemStatus;
}

export class ProblemLinksDto {
  @IdListField(MAX_LINKS_PER_CALL, { minSize: 1, description: 'the requests caused by the problem' })
  requestIds!: number[];
}

/** Rich text (HTML, sanitised), told to the customers of every linked open request; null clears, absent keeps. */
export class ProblemSolutionDto {
  @OptionalTextField(MAX_TEXT, { nullable: true })
  knownSolution?: string | null;

  @OptionalTextField(MAX_TEXT, { nullable: true })
  workaround?: string | null;
}

export class ProblemReasonDto {
  @ApiProperty({ description: 'journalled on the problem and on every request it changes' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ProblemEndingDto extends ProblemReasonDto {
  @ApiProperty({ enum: PROBLEM_ENDINGS, description: 'closed: after resolve, the fix held; unresolvable or erroneous: while open or a known error' })
  @IsIn(PROBLEM_ENDINGS)
  outcome!: ProblemEnding;
}
