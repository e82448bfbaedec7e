import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional } from 'class-validator';
import { ALL_PERMISSIONS, Permission } from '../permissions';
import { NameField } from '../../common/dto-fields';

export class CreateTokenDto {
  @NameField('Telephony gateway')
  name!: string;

  @ApiPropertyOptional({ description: 'the user the token acts as; the caller when absent' })
  @IsOptional()
  @IsInt()
  userId?: number;

  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true, description: 'at most what the user holds' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsIn(ALL_PERMISSIONS, { each: true, message: 'unknown permission' })
  scopes!: Permission[];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class TokenView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty() userId!: number;
  @ApiProperty({ type: [String] }) scopes!: string[];
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) expiresAt!: Date | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) revokedAt!: Date | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) lastUsedAt!: Date | null;
}

export class IssuedTokenView extends TokenView {
  @ApiProperty({ description: 'shown once; only its hash is kept' })
  secret!: string;
}
