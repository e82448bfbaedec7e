import { RequestLink } from './request-link.entity';
import { RequestTag } from './request-tag.entity';

/** Links between requests and tags on requests (migration 1764500009000). */
export const REQUEST_LINK_ENTITIES = [RequestLink, RequestTag];

export { RequestLink, RequestTag };
