import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { BooleanQuery } from '../common/dto-fields';

export class ImportQuery {
  @ApiPropertyOptional({ description: 'answer the plan (created / updated / unchanged per kind, and problems) and change nothing' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  dryRun?: boolean;
}
