import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [AuthModule, DirectoryModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
