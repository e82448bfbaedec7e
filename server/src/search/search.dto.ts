import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../common/paging';

export class SearchQueryDto extends PageQuery {
  @ApiProperty({ description: 'words to find (all of them, as prefixes); operators and quotes are searched as plain text', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;
}
