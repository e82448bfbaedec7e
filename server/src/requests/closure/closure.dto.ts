import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { OptionalTextField } from '../../common/dto-fields';
import { VersionedDto } from '../dto/requests.dto';

export class ConfirmSolutionDto extends VersionedDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 (poor) to 5 (excellent)' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @OptionalTextField(2000)
  comment?: string;
}

/** A rejected solution or a reopened request: always with the reason, which is journalled. */
export class ReasonedChangeDto extends VersionedDto {
  @ApiProperty({ description: 'why the request goes back to work' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
