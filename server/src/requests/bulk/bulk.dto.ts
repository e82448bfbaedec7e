import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { IdListField } from '../../common/dto-fields';

export const BULK_ACTIONS = ['assign', 'transition', 'setAttribute', 'linkProblem'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** Requests in one bulk call: each gets its own transaction, so the call's time grows with the list. */
export const MAX_BULK_REQUESTS = 200;

export class BulkRequestsDto {
  @IdListField(MAX_BULK_REQUESTS, { minSize: 1, description: 'the requests to act on, each checked and reported on its own' })
  ids!: number[];

  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action!: BulkAction;

  @ApiProperty({
    description: 'assign: {assigneeId: number|null}; transition: {transitionId, changes?}; setAttribute: {values: {code: value}}; linkProblem: {problemId}',
    example: { assigneeId: 7 },
  })
  @IsObject()
  params!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'request id → the version the client read; a request absent here is acted on at its current version', example: { '12': 3 } })
  @IsOptional()
  @IsObject()
  expectedVersions?: Record<string, number>;
}
