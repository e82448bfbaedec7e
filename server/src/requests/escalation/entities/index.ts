import { RequestEscalation } from './request-escalation.entity';

export const ESCALATION_ENTITIES = [RequestEscalation];
