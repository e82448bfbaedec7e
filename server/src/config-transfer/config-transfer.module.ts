import { Module } from '@nestjs/common';
import { TopicsModule } from '../topics/topics.module';
import { ConfigTransferController } from './config-transfer.controller';
import { ConfigTransferService } from './config-transfer.service';

/** Export and import of the whole configuration as one JSON document (test → production). */
@Module({
  imports: [TopicsModule],
  controllers: [ConfigTransferController],
  providers: [ConfigTransferService],
})
export class ConfigTransferModule {}
