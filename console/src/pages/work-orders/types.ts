import type { WorkOrder as WorkOrderEntity } from '../../../../server/src/requests/work-orders/entities/work-order.entity';
import type { PartnerView } from '../../../../server/src/directory/people/people.service';
import type { Wire } from '../../api/types';

export type WorkOrder = Wire<WorkOrderEntity>;
export type Partner = Wire<PartnerView>;
