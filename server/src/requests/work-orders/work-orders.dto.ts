import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/paging';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from './work-order-status';

export class CreateWorkOrderDto {
  @ApiProperty({ description: 'the partner organisation (directory) that receives the order' })
  @IsInt()
  partnerId!: number;

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  subject!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ description: 'when the partner should be done (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string;
}

export class WorkOrderStatusDto {
  @ApiProperty({ enum: WORK_ORDER_STATUSES })
  @IsIn(WORK_ORDER_STATUSES)
  status!: WorkOrderStatus;

  @ApiProperty({ description: 'the version the client read; a stale one gets 409 and changes nothing' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

export class WorkOrderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WORK_ORDER_STATUSES })
  @IsOptional()
  @IsIn(WORK_ORDER_STATUSES)
  status?: WorkOrderStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  partnerId?: number;
}

export class BindPartnerDto {
  @ApiProperty({ type: Number, nullable: true, description: 'the partner organisation the user works for; null unbinds' })
  @IsOptional()
  @IsInt()
  partnerId!: number | null;
}
