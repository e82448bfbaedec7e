import { Foundation1764028800000 } from './1764028800000-foundation';
import { Topics1764100000000 } from './1764100000000-topics';
import { Directory1764100001000 } from './1764100001000-directory';
import { Dictionaries1764100002000 } from './1764100002000-dictionaries';
import { RequestsCore1764200000000 } from './1764200000000-requests-core';
import { SchedulerOutbox1764300000000 } from './1764300000000-scheduler-outbox';
import { Queues1764300001000 } from './1764300001000-queues';
import { RequestsProcessing1764400001000 } from './1764400001000-requests-processing';
import { Routes1764400000000 } from './1764400000000-routes';
import { Sla1764400002000 } from './1764400002000-sla';

/** Applied in this order; a test runs every one up and down on SQLite and on MariaDB. */
export const migrations = [Foundation1764028800000, Topics1764100000000, Directory1764100001000, Dictionaries1764100002000, RequestsCore1764200000000, SchedulerOutbox1764300000000, Queues1764300001000, Routes1764400000000, RequestsProcessing1764400001000, Sla1764400002000];
