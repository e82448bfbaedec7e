import { WorkOrder } from './work-order.entity';

export const WORK_ORDER_ENTITIES = [WorkOrder];
