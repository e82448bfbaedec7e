import type { SlaClocks } from '../../sla/sla-clocks';
import type { RequestFollowers } from './route-runner';

/** The SLA clocks follow the requests the route runner creates and moves on its own (children, their parents). */
export function slaFollowers(sla: SlaClocks): RequestFollowers {
  return {
    created: (manager, request, now) => sla.startForRequest(manager, request, now),
    changed: (manager, before, after, now) => sla.followRequest(manager, before, after, now),
  };
}
