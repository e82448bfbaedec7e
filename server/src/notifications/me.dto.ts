import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { BooleanQuery } from '../common/dto-fields';
import { PageQuery } from '../common/paging';
import { NOTIFICATION_EVENTS } from './template-variables';

export class MyNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'only unread notifications' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  unread?: boolean;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_EVENTS })
  @IsIn(NOTIFICATION_EVENTS)
  event!: string;

  @ApiProperty()
  @IsBoolean()
  email!: boolean;

  @ApiProperty()
  @IsBoolean()
  inApp!: boolean;
}

export class PreferencesDto {
  @ApiProperty({ type: [PreferenceDto], description: 'events left out keep their current channels' })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences!: PreferenceDto[];
}

export class StreamQuery {
  @ApiPropertyOptional({ description: 'a ticket from POST /api/me/notifications/stream-ticket' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ticket?: string;
}
