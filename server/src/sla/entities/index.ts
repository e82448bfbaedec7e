import { SlaBreach } from './sla-breach.entity';
import { SlaCalendar } from './sla-calendar.entity';
import { SlaClock } from './sla-clock.entity';
import { SlaLedgerEntry } from './sla-ledger-entry.entity';
import { SlaPolicy } from './sla-policy.entity';

export { SlaBreach, SlaCalendar, SlaClock, SlaLedgerEntry, SlaPolicy };
export const SLA_ENTITIES = [SlaCalendar, SlaPolicy, SlaLedgerEntry, SlaClock, SlaBreach];
