import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { badRequest } from '../common/docket-error';
import { CustomerRequest } from '../requests/entities/customer-request.entity';
import { ScheduledJob } from '../scheduler/entities/scheduled-job.entity';
import { insertRows } from '../database/plain-rows';
import { cancelJobs, scheduleJob, scheduleJobs, type JobSchedule } from '../scheduler/job-runner';
import { clockView, type ClockView } from './clock-replay';
import { evaluateClocks, evaluateLedger, type EvaluatedClock } from './clock-store';
import { SlaBreach } from './entities/sla-breach.entity';
import { SlaClock } from './entities/sla-clock.entity';
import { SlaLedgerEntry } from './entities/sla-ledger-entry.entity';
import { SlaPolicy, type PolicyClock } from './entities/sla-policy.entity';
import { currentPolicies } from './sla-configuration';
import { choosePolicy, clockEventFor, POLICY_CLOCKS, RESOLUTION, STEP_CLOCK_PREFIX } from './policy-rules';
import { dueAtOf, keepDueAt } from './request-due';
import { enteredSteps, requestChangeEvents, type RequestFacts } from './request-events';
import { slaContextOf } from './sla-context';
import { hasClocks, knowClocks } from './clock-presence';

export const SLA_WARNING = 'sla.warning';
export const SLA_BREACH = 'sla.breach';

/** What the request is about, for choosing its policy: the client, the contract and the service (as rule data). */
export interface SlaContext {
  client?: Record<string, unknown> | null;
  contract?: Record<string, unknown> | null;
  service?: Record<string, unknown> | null;
}

export type SlaEvent =
  | { type: 'status'; status: string; previousStatus: string | null }
  | { type: 'priority'; priority: number }
  | { type: 'pause' | 'resume' | 'stop' | 'reset'; clock?: string; reason?: string }
  | { type: 'step_enter' | 'step_leave'; stepId: string }
  | { type: 'calendar'; calendarId: number };

type NewEntry = Pick<SlaLedgerEntry, 'clock' | 'type'> & Partial<Pick<SlaLedgerEntry, 'policyId' | 'priority' | 'calendarId' | 'deadline' | 'reason' | 'actorId'>>;

const ledgerRows = (manager: EntityManager, requestId: number, entries: readonly NewEntry[], now: Date) =>
  entries.map((entry) => manager.create(SlaLedgerEntry, { policyId: null, priority: null, calendarId: null, deadline: null, reason: null, actorId: null, ...entry, requestId, at: now }));

/** A new request's clocks, evaluated before anything is written (see SlaClocks.planForNewRequest). */
export interface PlannedClocks {
  entries: NewEntry[];
  evaluated: EvaluatedClock[];
  views: ClockView[];
}

/** The payload of an SLA timer: which clock, and the deadline it was scheduled for. */
export interface SlaTimerPayload {
  clock: string;
  deadline: string;
}

/**
 * The request module's entry into regulation: it starts a request's clocks and reports what happens
 * to the request; every call appends to the ledger, recomputes the clocks and reschedules their
 * warning and breach timers, in the caller's transaction. Free of Nest (it needs nothing injected),
 * so integration tests drive it directly.
 */
export class SlaClocks {
  /**
   * A new request's clocks: chooses the policy and starts the reaction and resolution clocks, and the clocks of
   * the given steps the policy limits; null when no policy applies. A new request has no ledger, clocks, timers
   * or breaches yet, so its first entries are known without reading any back — the starts, then what its status
   * does to the running clocks — and everything is inserted at once.
   */
  async startClocks(manager: EntityManager, request: CustomerRequest, context: SlaContext, now: Date, stepIds: readonly string[] = []): Promise<ClockView[] | null> {
    const planned = await this.planClocks(manager, request, context, now, stepIds);
    if (!planned) return null;
    await this.recordClocks(manager, request.id, planned, now);
    return planned.views;
  }

  /**
   * A new request's clocks before its row is written: the policy is chosen from the directory (client, contract,
   * service), the steps the route starts at start theirs, and the request's due date follows the resolution clock,
   * so it goes into the row's INSERT. `recordClocks` writes them once the row exists. Null when no policy applies.
   */
  async planForNewRequest(manager: EntityManager, request: CustomerRequest, now: Date): Promise<PlannedClocks | null> {
    const steps = enteredSteps(request).flatMap((event) => (event.type === 'step_enter' ? [event.stepId] : []));
    const planned = await this.planClocks(manager, request, await slaContextOf(manager, request, now), now, steps);
    if (planned) request.dueAt = dueAtOf(planned.views);
    return planned;
  }

  /** The ledger's first entries and what they come to, without writing anything: deadlines do not depend on the entries' ids. */
  private async planClocks(manager: EntityManager, request: CustomerRequest, context: SlaContext, now: Date, stepIds: readonly string[]): Promise<PlannedClocks | null> {
    const policies = [...(await currentPolicies(manager)).values()];
    const policy = choosePolicy(policies, { ...context, request: { priority: request.priority, type: request.type, topicId: request.topicId } });
    if (!policy) return null;
    const change = { status: request.status, previousStatus: null, priority: request.priority };
    const start = (clock: string): NewEntry => ({ clock, type: 'start', policyId: policy.id, priority: request.priority, calendarId: policy.calendarId });
    const entries = POLICY_CLOCKS.flatMap((clock): NewEntry[] => {
      const next = clockEventFor(policy, clock, 'running', change, now.getTime());
      return next ? [start(clock), { clock, type: next.type, reason: next.type === 'pause' ? (next.reason ?? null) : null }] : [start(clock)];
    });
    entries.push(...stepIds.filter((stepId) => policy.stepLimits[stepId] !== undefined).map((stepId) => start(STEP_CLOCK_PREFIX + stepId)));
    const evaluated = await evaluateLedger(manager, ledgerRows(manager, request.id ?? 0, entries, now), now, new Map(policies.map((known) => [known.id, known])));
    return { entries, evaluated, views: this.views(evaluated) };
  }

  /** Writes planned clocks: the ledger entries (the last one's id is the clocks' revision), the clocks and their timers. */
  async recordClocks(manager: EntityManager, requestId: number, planned: PlannedClocks, now: Date): Promise<void> {
    const rows = await this.append(manager, requestId, planned.entries, now);
    const revision = rows[rows.length - 1].id;
    await this.store(manager, requestId, planned.evaluated.map((clock) => ({ ...clock, revision })), now, { fresh: true });
    knowClocks(manager, requestId, true);
  }

  /** Processing's call after the versioned update of a change: status, priority, steps entered and left, closing. */
  async followRequest(manager: EntityManager, before: RequestFacts, after: CustomerRequest, now: Date): Promise<void> {
    const events = requestChangeEvents(before, after);
    // Most changes of a request without clocks (no policy applied) end at this one cheap read.
    if (!events.length || !(await hasClocks(manager, after.id))) return;
    let views: ClockView[] | null = null;
    for (const event of events) {
      const entries = await this.entriesFor(manager, after.id, event, now);
      if (entries.length) views = await this.appendAndRecompute(manager, after.id, entries, now);
    }
    if (views?.length) await keepDueAt(manager, after, views, now, false);
  }

  /** Applies one event of the request's life; a request without clocks is left alone. */
  async onEvent(manager: EntityManager, requestId: number, event: SlaEvent, now: Date): Promise<ClockView[]> {
    const entries = await this.entriesFor(manager, requestId, event, now);
    return entries.length ? this.appendAndRecompute(manager, requestId, entries, now) : this.views(await evaluateClocks(manager, requestId, now));
  }

  /** A deadline set by hand on one clock (the caller checks who may, and audits). */
  async setDeadline(manager: EntityManager, requestId: number, clock: string, deadline: Date, reason: string, actorId: number, now: Date): Promise<ClockView[]> {
    return this.appendAndRecompute(manager, requestId, [{ clock, type: 'deadline', deadline, reason, actorId }], now);
  }

  async appendAndRecompute(manager: EntityManager, requestId: number, entries: NewEntry[], now: Date): Promise<ClockView[]> {
    await this.append(manager, requestId, entries, now);
    return this.recompute(manager, requestId, now);
  }

  private async append(manager: EntityManager, requestId: number, entries: NewEntry[], now: Date): Promise<SlaLedgerEntry[]> {
    const rows = ledgerRows(manager, requestId, entries, now);
    // One INSERT for all; the generated ids are read into the rows (the last is the clocks' revision).
    await manager.insert(SlaLedgerEntry, rows);
    return rows;
  }

  private async entriesFor(manager: EntityManager, requestId: number, event: SlaEvent, now: Date): Promise<NewEntry[]> {
    const clocks = await manager.findBy(SlaClock, { requestId });
    if (!clocks.length) return [];
    const open = clocks.filter((clock) => clock.state === 'running' || clock.state === 'paused');
    switch (event.type) {
      case 'status':
        return this.statusEntries(manager, requestId, event, now);
      case 'priority':
        return open.map((clock) => ({ clock: clock.clock, type: 'priority', priority: event.priority }));
      case 'calendar':
        return open.map((clock) => ({ clock: clock.clock, type: 'calendar', calendarId: event.calendarId }));
      case 'step_enter':
        return this.stepStart(manager, requestId, clocks, event.stepId);
      case 'step_leave':
        return open.filter((clock) => clock.clock === STEP_CLOCK_PREFIX + event.stepId).map((clock) => ({ clock: clock.clock, type: 'stop' }));
      default: {
        const wanted = { pause: ['running'], resume: ['paused'], stop: ['running', 'paused'], reset: ['running', 'paused', 'stopped'] }[event.type];
        if (event.clock && !clocks.some((clock) => clock.clock === event.clock)) throw badRequest('unknown_clock', `Request ${requestId} has no clock "${event.clock}"`, [{ path: 'clock', message: 'unknown clock' }]);
        return clocks.filter((clock) => (!event.clock || clock.clock === event.clock) && wanted.includes(clock.state)).map((clock) => ({ clock: clock.clock, type: event.type, reason: event.reason ?? null }));
      }
    }
  }

  private async statusEntries(manager: EntityManager, requestId: number, event: Extract<SlaEvent, { type: 'status' }>, now: Date): Promise<NewEntry[]> {
    const clocks = await manager.findBy(SlaClock, { requestId, clock: In([...POLICY_CLOCKS]) });
    const request = await manager.findOneByOrFail(CustomerRequest, { id: requestId });
    const policies = await currentPolicies(manager);
    const change = { status: event.status, previousStatus: event.previousStatus, priority: request.priority };
    return clocks.flatMap((clock): NewEntry[] => {
      const next = clockEventFor(policies.get(clock.policyId) as SlaPolicy, clock.clock as PolicyClock, clock.state, change, now.getTime());
      return next ? [{ clock: clock.clock, type: next.type, reason: next.type === 'pause' ? (next.reason ?? null) : null }] : [];
    });
  }

  /** A route step's clock starts on the resolution clock's policy, priority and calendar, if the policy limits that step. */
  private async stepStart(manager: EntityManager, requestId: number, clocks: SlaClock[], stepId: string): Promise<NewEntry[]> {
    const resolution = clocks.find((clock) => clock.clock === RESOLUTION);
    const policy = resolution && (await currentPolicies(manager)).get(resolution.policyId);
    if (!policy || policy.stepLimits[stepId] === undefined) return [];
    const request = await manager.findOneByOrFail(CustomerRequest, { id: requestId });
    const calendarId = (await manager.findOne(SlaLedgerEntry, { where: { requestId, clock: RESOLUTION, calendarId: Not(IsNull()) }, order: { id: 'DESC' } }))?.calendarId ?? policy.calendarId;
    return [{ clock: STEP_CLOCK_PREFIX + stepId, type: 'start', policyId: policy.id, priority: request.priority, calendarId }];
  }

  /** Writes the clock states, closes breaches that no longer describe a clock and reschedules the timers; the request's due date is its caller's (see request-due.ts). */
  async recompute(manager: EntityManager, requestId: number, now: Date): Promise<ClockView[]> {
    const evaluated = await evaluateClocks(manager, requestId, now);
    await this.store(manager, requestId, evaluated, now, { fresh: false });
    return this.views(evaluated);
  }

  /**
   * Writes the evaluated clocks and their timers. `fresh`: the request's first evaluation, when there are no
   * clock rows, timers or breaches to update, cancel or close — everything is inserted at once.
   */
  private async store(manager: EntityManager, requestId: number, evaluated: EvaluatedClock[], now: Date, { fresh }: { fresh: boolean }): Promise<void> {
    if (!fresh) {
      await cancelJobs(manager, SLA_WARNING, 'request', requestId, now);
      await cancelJobs(manager, SLA_BREACH, 'request', requestId, now);
    }
    const timers: (JobSchedule & { dedupeKey: string })[] = [];
    const newClocks: Partial<SlaClock>[] = [];
    for (const { clock, policy, revision, result } of evaluated) {
      const state = { policyId: policy.id, state: result.state, priority: result.priority, deadline: toDate(result.deadline), warningAt: toDate(result.warningAt), revision, updatedAt: now };
      if (fresh) newClocks.push({ requestId, clock, ...state });
      else {
        const existing = await manager.findOneBy(SlaClock, { requestId, clock });
        await manager.save(Object.assign(existing ?? manager.create(SlaClock, { requestId, clock }), state));
        await this.closeStaleBreaches(manager, requestId, clock, result.state === 'running' || result.state === 'paused' ? state.deadline : null, now);
      }
      if (result.state !== 'running' || state.deadline === null) continue;
      const payload: SlaTimerPayload = { clock, deadline: state.deadline.toISOString() };
      const timer = (kind: string, dueAt: Date) => timers.push({ kind, dueAt, subjectType: 'request', subjectId: requestId, dedupeKey: `${kind}:${requestId}:${revision}:${clock}:${payload.deadline}`, payload: { ...payload } });
      if (state.warningAt && state.warningAt < state.deadline) timer(SLA_WARNING, state.warningAt);
      timer(SLA_BREACH, state.deadline);
    }
    await insertRows(manager, SlaClock, newClocks);
    if (fresh) await scheduleJobs(manager, timers, now);
    else for (const timer of timers) await this.schedule(manager, timer, now);
  }

  /**
   * A recomputation with no new ledger entry (a calendar's hours changed) wants timers it has just
   * cancelled, under the same key: those come back. A timer already done stays done.
   */
  private async schedule(manager: EntityManager, schedule: JobSchedule & { dedupeKey: string }, now: Date): Promise<void> {
    await scheduleJob(manager, schedule, now);
    await manager.createQueryBuilder().update(ScheduledJob).set({ state: 'pending', finishedAt: null }).where('dedupeKey = :key AND state = :cancelled', { key: schedule.dedupeKey, cancelled: 'cancelled' }).execute();
  }

  private async closeStaleBreaches(manager: EntityManager, requestId: number, clock: string, currentDeadline: Date | null, now: Date): Promise<void> {
    const open = await manager.findBy(SlaBreach, { requestId, clock, closedAt: IsNull() });
    const stale = open.filter((breach) => currentDeadline === null || breach.deadline.getTime() !== currentDeadline.getTime());
    if (stale.length) await manager.update(SlaBreach, { id: In(stale.map((breach) => breach.id)) }, { closedAt: now });
  }

  views(evaluated: EvaluatedClock[]): ClockView[] {
    return evaluated.map(({ clock, policy, result }) => clockView(clock, policy.id, result));
  }
}

const toDate = (instant: number | null) => (instant === null ? null : new Date(instant));

