import type { SlaClocks } from '../../sla/sla-clocks';
import type { RequestFollowers } from './route-runner';

/** The SLA clocks follow the requests created (registered, or children the route runner creates) and moved on the route runner's own (parents). */
export function slaFollowers(sla: SlaClocks): RequestFollowers {
  return {
    creating: async (manager, request, now) => {
      const planned = await sla.planForNewRequest(manager, request, now);
      return planned && ((writer, created) => sla.recordClocks(writer, created.id, planned, now));
    },
    changed: (manager, before, after, now) => sla.followRequest(manager, before, after, now),
  };
}
