import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN } from '../roles/roles.dto';

export class CreateWorkgroupDto {
  @ApiProperty({ example: 'L2_NETWORK' })
  @IsString()
  @Length(1, 64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  specialisation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWorkgroupDto extends PartialType(OmitType(CreateWorkgroupDto, ['code'] as const)) {}

export class SetMembersDto {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  userIds!: number[];
}
