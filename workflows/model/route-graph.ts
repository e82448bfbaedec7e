import type { RouteDefinition, RouteStep, Transition } from './route.types';

/** Indexes over a route's steps and transitions, built once per route version. */
export class RouteGraph {
  readonly steps = new Map<string, RouteStep>();
  readonly transitions = new Map<string, Transition>();
  private readonly outgoingOf = new Map<string, Transition[]>();
  private readonly incomingOf = new Map<string, Transition[]>();

  constructor(readonly route: RouteDefinition) {
    for (const step of route.steps) {
      this.steps.set(step.id, step);
      this.outgoingOf.set(step.id, []);
      this.incomingOf.set(step.id, []);
    }
    for (const transition of route.transitions) {
      this.transitions.set(transition.id, transition);
      this.outgoingOf.get(transition.from)?.push(transition);
      this.incomingOf.get(transition.to)?.push(transition);
    }
  }

  outgoing(stepId: string): Transition[] {
    return this.outgoingOf.get(stepId) ?? [];
  }

  incoming(stepId: string): Transition[] {
    return this.incomingOf.get(stepId) ?? [];
  }

  step(stepId: string): RouteStep {
    const step = this.steps.get(stepId);
    if (!step) throw new Error(`route ${this.route.code} v${this.route.version} has no step '${stepId}'`);
    return step;
  }

  get start(): RouteStep {
    return this.route.steps.find((step) => step.kind === 'start') as RouteStep;
  }

  /** Steps reachable from the start along transitions. */
  reachable(): Set<string> {
    return this.downstream(this.start.id);
  }

  /** `from` and every step reachable from it. */
  downstream(from: string): Set<string> {
    return this.closure([from], (id) => this.outgoing(id).map((transition) => transition.to));
  }

  /** Steps from which some end step can be reached. */
  leadingToAnEnd(): Set<string> {
    const ends = this.route.steps.filter((step) => step.kind === 'end').map((step) => step.id);
    return this.closure(ends, (id) => this.incoming(id).map((transition) => transition.from));
  }

  /** Steps that have a way forward, yet every way leads round a cycle that never reaches an end. */
  trappedInCycles(): RouteStep[] {
    const exits = this.leadingToAnEnd();
    return this.route.steps.filter((step) => step.kind !== 'end' && !exits.has(step.id) && this.outgoing(step.id).length > 0);
  }

  private closure(seeds: string[], next: (id: string) => string[]): Set<string> {
    const seen = new Set(seeds);
    const pending = [...seeds];
    while (pending.length > 0) {
      for (const id of next(pending.pop() as string)) {
        if (seen.has(id)) continue;
        seen.add(id);
        pending.push(id);
      }
    }
    return seen;
  }
}
