import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { LINK_KINDS, type LinkKind } from './entities/request-link.entity';

export class AddLinkDto {
  @ApiProperty({ enum: LINK_KINDS, description: 'duplicateOf: this request duplicates the other; relatedTo: the two concern each other' })
  @IsIn(LINK_KINDS)
  kind!: LinkKind;

  @ApiPropertyOptional({ description: 'the other request by its number (REQ-…); give this or requestId' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  number?: string;

  @ApiPropertyOptional({ description: 'the other request by its id; give this or number' })
  @IsOptional()
  @IsInt()
  @Min(1)
  requestId?: number;
}

export class SetTagsDto {
  @ApiProperty({ type: [String], description: 'the request’s whole set of tags: trimmed, lower-cased, repeats dropped; 1 to 64 characters each, at most 20; [] clears' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  tags!: string[];
}
