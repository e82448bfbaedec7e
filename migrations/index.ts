import { Foundation1764028800000 } from './1764028800000-foundation';
import { Topics1764100000000 } from './1764100000000-topics';
import { RequestsCore1764200000000 } from './1764200000000-requests-core';
import { SchedulerOutbox1764300000000 } from './1764300000000-scheduler-outbox';
import { Queues1764300001000 } from './1764300001000-queues';

/** Applied in this order; a test runs every one up and down on SQLite and on MariaDB. */
export const migrations = [Foundation1764028800000, Topics1764100000000, RequestsCore1764200000000, SchedulerOutbox1764300000000, Queues1764300001000];
