import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ClassificationModule } from '../classification/classification.module';
import { DirectoryModule } from '../directory/directory.module';
import { QueuesModule } from '../queues/queues.module';
import { RoutesModule } from '../routes/routes.module';
import { TopicsModule } from '../topics/topics.module';
import { DemoSeedService } from './demo-seed.service';
import { ProcessDemoSeeder } from './process-demo.seeder';

@Module({ imports: [AuthModule, DirectoryModule, QueuesModule, TopicsModule, RoutesModule, ClassificationModule], providers: [DemoSeedService, ProcessDemoSeeder], exports: [DemoSeedService] })
export class DemoModule {}
