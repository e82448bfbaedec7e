import type { ListFilter } from '../list/request-list.types';

/** A request list query as stored in a saved filter: the GET /api/requests parameters, filters as JSON. */
export interface SavedListQuery {
  queueId?: number;
  view?: string;
  state?: 'open' | 'closed' | 'all';
  archived?: boolean;
  filters?: ListFilter[];
  sort?: string;
  /** Requests carrying every one of these tags. */
  tag?: string[];
}
