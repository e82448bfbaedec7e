import type { StepKind, StepOfKind, Transition, UserTaskStep } from '../model/route.types';
import { runActions } from './actions';
import { addDuration } from './duration';
import type { Token } from './interpreter.types';
import type { Run } from './run';

type Arrival<K extends StepKind> = (run: Run, token: Token, step: StepOfKind<K>, via?: Transition) => void;
interface StepBehaviour<K extends StepKind> {
  /** Runs before the enter handlers: what they may rely on (a user task's queue). */
  settle?: Arrival<K>;
  /** Runs after them: the token waits, or moves on. */
  proceed: Arrival<K>;
}
const waits = () => undefined;

function selectQueue(run: Run, token: Token, step: UserTaskStep): void {
  if (!step.queues) {
    run.audit({ action: 'queueSelected', stepId: step.id, detail: 'the step has no queue selection' });
    return;
  }
  const index = step.queues.rules.findIndex((rule) => run.rules.holds(rule.when, run.data()));
  const rule = step.queues.rules[index];
  token.queue = rule ? rule.queue : step.queues.default;
  const explanation = rule ? run.rules.explain(rule.when, run.data()) : undefined;
  const detail = rule ? `rule ${index + 1}${rule.label ? ` (${rule.label})` : ''} holds` : 'no rule holds; the default queue';
  run.emit({ type: 'assignQueue', tokenId: token.id, stepId: step.id, queue: token.queue, explanation });
  run.audit({ action: 'queueSelected', stepId: step.id, detail: `${token.queue}: ${detail}`, explanation });
}

/**
 * One entry per step kind: what happens when a token arrives. A step either leaves the token waiting
 * (user task, timer, child requests) or moves it on at once.
 */
export const STEP_BEHAVIOURS: { [K in StepKind]: StepBehaviour<K> } = {
  start: { proceed: (run, token, step) => run.moveOn(token, step) },
  userTask: { settle: (run, token, step) => selectQueue(run, token, step), proceed: waits },
  automatic: {
    proceed: (run, token, step) => {
      runActions(run, step.actions, { event: 'run', stepId: step.id });
      run.moveOn(token, step);
    },
  },
  timer: {
    proceed: (run, token, step) => {
      token.timer = { id: run.nextId('timer'), firesAt: addDuration(run.now, step.duration).toISOString() };
      run.emit({ type: 'startTimer', timerId: token.timer.id, stepId: step.id, firesAt: token.timer.firesAt });
    },
  },
  exclusiveGateway: { proceed: (run, token, step) => run.moveOn(token, step, step.default) },
  parallelGateway: {
    proceed: (run, token, step, via) => {
      const incoming = run.graph.incoming(step.id);
      if (incoming.length > 1 && via) {
        const arrived = new Set([...(run.state.joins[step.id] ?? []), via.id]);
        if (arrived.size < incoming.length) {
          run.state.joins[step.id] = [...arrived];
          run.removeToken(token);
          run.audit({ action: 'joined', stepId: step.id, transitionId: via.id, detail: `waiting for ${incoming.length - arrived.size} more branch(es)` });
          return;
        }
        delete run.state.joins[step.id];
        run.audit({ action: 'joined', stepId: step.id, transitionId: via.id, detail: 'all branches arrived' });
      }
      const outgoing = run.graph.outgoing(step.id);
      run.removeToken(token);
      run.audit({ action: 'left', stepId: step.id, detail: `${outgoing.length} branch(es)` });
      for (const transition of outgoing) run.follow(step, token, transition);
    },
  },
  childRequests: {
    proceed: (run, token, step) => {
      const children = step.children.map((spec) => run.childOf(spec, run.nextId(`${token.id}.child`)));
      token.children = children.map((child, index) => ({ key: child.key, spec: index, status: 'open' }));
      run.emit({ type: 'spawnChildren', stepId: step.id, tokenId: token.id, children });
    },
  },
  end: {
    proceed: (run, token, step) => {
      run.removeToken(token);
      if (run.state.tokens.length === 0) run.end(step.resolution, step.id);
    },
  },
};
