import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { BootstrapService } from './bootstrap.service';
import { ApiToken } from './entities/api-token.entity';
import { LoginAttempt } from './entities/login-attempt.entity';
import { Role } from './entities/role.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { Workgroup } from './entities/workgroup.entity';
import { LoginThrottleService } from './login-throttle.service';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { TokensController } from './tokens/tokens.controller';
import { TokensService } from './tokens/tokens.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { WorkgroupsController } from './workgroups/workgroups.controller';
import { WorkgroupsService } from './workgroups/workgroups.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Role, Workgroup, Session, ApiToken, LoginAttempt])],
  controllers: [AuthController, UsersController, RolesController, WorkgroupsController, TokensController],
  providers: [
    AuthService,
    LoginThrottleService,
    BootstrapService,
    UsersService,
    RolesService,
    WorkgroupsService,
    TokensService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UsersService, BootstrapService],
})
export class AuthModule {}
