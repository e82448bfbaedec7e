import { RequestWatcher } from './request-watcher.entity';
import { SavedFilter } from './saved-filter.entity';

export const VIEW_ENTITIES = [RequestWatcher, SavedFilter];
