import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { DOCKET_CONFIG } from '../config/config.module';
import type { DocketConfig } from '../config/docket-config';
import { tooManyRequests } from '../common/docket-error';
import { LoginAttempt } from './entities/login-attempt.entity';

/** Counts failures per login and per address in the database, so the limit holds across processes. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  async assertAllowed(login: string, ip: string, now: Date): Promise<void> {
    const { maxFailures, windowMinutes } = this.config.login;
    const since = new Date(now.getTime() - windowMinutes * 60_000);
    const [byLogin, byAddress] = await Promise.all([
      this.attempts.count({ where: { login, succeeded: false, at: MoreThan(since) } }),
      this.attempts.count({ where: { ip, succeeded: false, at: MoreThan(since) } }),
    ]);
    // One address may serve a whole office behind NAT, hence the wider allowance per address.
    if (byLogin >= maxFailures || byAddress >= maxFailures * 4) {
      throw tooManyRequests(`Too many failed sign-ins; try again in ${windowMinutes} minutes`, windowMinutes * 60);
    }
  }

  async record(login: string, ip: string, succeeded: boolean, at: Date): Promise<void> {
    await this.attempts.insert({ login: login.slice(0, 64), ip: ip.slice(0, 64), succeeded, at });
  }
}
