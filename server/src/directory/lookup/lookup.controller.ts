import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { RequirePermission } from '../../auth/principal';
import { CallerLookupService } from './caller-lookup.service';

export class CallerQuery {
  @ApiProperty({ example: '+7 812 300-20-10' })
  @IsString()
  @Length(3, 40)
  phone!: string;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class CallerLookupController {
  constructor(private readonly callers: CallerLookupService) {}

  @Get('caller')
  @RequirePermission('directory.read')
  @ApiOperation({ summary: 'clients, contact persons and partners with this phone number, compared by its last ten digits' })
  caller(@Query() query: CallerQuery) {
    return this.callers.lookup(query.phone);
  }
}
