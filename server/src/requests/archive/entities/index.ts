import { ArchivedRequestValue } from './archived-request-value.entity';

export const ARCHIVE_ENTITIES = [ArchivedRequestValue];
