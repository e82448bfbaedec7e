import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClassificationController } from './classification.controller';
import { ClassificationService } from './classification.service';

/** Classification questionnaires: decision trees as data that suggest a topic, known problems and articles. */
@Module({
  imports: [AuditModule],
  controllers: [ClassificationController],
  providers: [ClassificationService],
  exports: [ClassificationService],
})
export class ClassificationModule {}
