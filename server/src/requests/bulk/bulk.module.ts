import { Module } from '@nestjs/common';
import { ProblemsModule } from '../../problems/problems.module';
import { RequestsModule } from '../requests.module';
import { BulkController } from './bulk.controller';
import { BulkService } from './bulk.service';

/** Bulk operations on requests, through the same service calls as single requests. */
@Module({
  imports: [RequestsModule, ProblemsModule],
  controllers: [BulkController],
  providers: [BulkService],
})
export class BulkModule {}
