import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ClosureModule } from '../requests/closure/closure.module';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

/** Problems and mass problems; they resolve and reopen their requests through the closure module. */
@Module({
  imports: [ClosureModule, NotificationsModule],
  controllers: [ProblemsController],
  providers: [ProblemsService],
  exports: [ProblemsService],
})
export class ProblemsModule {}
