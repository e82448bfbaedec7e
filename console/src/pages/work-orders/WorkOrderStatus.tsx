import { App, Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { allowedNext, type WorkOrderStatus } from '../../../../server/src/requests/work-orders/work-order-status';
import { post } from '../../api/client';
import { describeError } from '../../api/errors';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import type { WorkOrder } from './types';

const COLOURS: Record<WorkOrderStatus, string> = { new: 'blue', accepted: 'cyan', in_progress: 'gold', done: 'green', rejected: 'default' };
export const WORK_ORDER_STATUSES = Object.keys(COLOURS) as WorkOrderStatus[];

export function WorkOrderStatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOURS[status]} data-testid="work-order-status">{t(`workOrders.status.${status}`)}</Tag>;
}

/** The due date, marked when it has passed on an order still under way. */
export function WorkOrderDue({ order }: { order: WorkOrder }) {
  const { t, locale } = useI18n();
  const overdue = order.dueAt !== null && new Date(order.dueAt).getTime() < Date.now() && allowedNext(order.status).length > 0;
  return (
    <Flex gap={4} align="center" wrap>
      {formatInstant(order.dueAt, locale)}
      {overdue && <Tag color="red">{t('workOrders.overdue')}</Tag>}
    </Flex>
  );
}

/** The statuses the order may go to next, one button each (for holders of work-orders.update); a refusal is said beside the buttons. */
export function WorkOrderMoves({ order, onMoved }: { order: WorkOrder; onMoved(): void }) {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const { message } = App.useApp();
  const [busy, setBusy] = useState<WorkOrderStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const move = async (status: WorkOrderStatus) => {
    setBusy(status);
    setProblem(null);
    try {
      await post(`/work-orders/${order.id}/status`, { status, expectedVersion: order.version });
      void message.success(t('workOrders.moved', { id: order.id, status: t(`workOrders.status.${status}`) }));
      onMoved();
    } catch (error) {
      setProblem(describeError(error, i18n));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex vertical gap={4}>
      <Flex gap={4} wrap>
        {allowedNext(order.status).map((status) => (
          <Button key={status} size="small" loading={busy === status} disabled={busy !== null && busy !== status} danger={status === 'rejected'} onClick={() => void move(status)}>
            {tOr(`workOrders.move.${status}`, status)}
          </Button>
        ))}
      </Flex>
      {problem && <Typography.Text type="danger" role="alert">{problem}</Typography.Text>}
    </Flex>
  );
}
