/** The life of a work order; each status lists where it may go next. Pure. */
export const WORK_ORDER_STATUSES = ['new', 'accepted', 'in_progress', 'done', 'rejected'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

const NEXT: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  new: ['accepted', 'rejected'],
  accepted: ['in_progress', 'done', 'rejected'],
  in_progress: ['done'],
  done: [],
  rejected: [],
};

export function allowedNext(status: WorkOrderStatus): readonly WorkOrderStatus[] {
  return NEXT[status];
}

export function canMove(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return NEXT[from].includes(to);
}
