import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ActiveField, CodeField, IdListField, NameField, OptionalTextField } from '../../common/dto-fields';

export class CreateWorkgroupDto {
  @CodeField('L2_NETWORK')
  code!: string;

  @NameField()
  name!: string;

  @OptionalTextField(200, { nullable: true })
  specialisation?: string | null;

  @OptionalTextField(200, { nullable: true })
  territory?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 9 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  qualificationLevel?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'the group above in the management chain' })
  @IsOptional()
  @IsInt()
  parentId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt()
  managerId?: number | null;

  @ActiveField()
  active?: boolean;
}

export class UpdateWorkgroupDto extends PartialType(OmitType(CreateWorkgroupDto, ['code'] as const)) {}

export class SetMembersDto {
  @IdListField(1000)
  userIds!: number[];
}
