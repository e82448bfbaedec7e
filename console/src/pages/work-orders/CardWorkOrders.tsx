import { Button, Card, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useRemote } from '../../api/hooks';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { usePartnerName } from './partners';
import type { WorkOrder } from './types';
import { WorkOrderFormModal } from './WorkOrderFormModal';
import { WorkOrderDue, WorkOrderMoves, WorkOrderStatusTag } from './WorkOrderStatus';

/** The request's work orders to partners, on its card, and giving a new one to whoever works the request; nothing when there is neither. */
export function CardWorkOrders({ requestId, version, canCreate }: { requestId: number; version: number; canCreate: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const orders = useRemote<WorkOrder[]>(`/requests/${requestId}/work-orders`);
  const reload = orders.reload;
  // A new version of the card (a reload or a change) reloads the panel too.
  useEffect(() => reload(), [version, reload]);
  const partnerName = usePartnerName();
  const [creating, setCreating] = useState(false);
  if (orders.error) return <ErrorAlert message={orders.error} onRetry={orders.reload} />;
  if (!orders.data?.length && !canCreate) return null;
  const newOrder = canCreate && <Button size="small" onClick={() => setCreating(true)}>{t('workOrders.new')}</Button>;
  return (
    <Card size="small" title={t('workOrders.onCard', { count: orders.data?.length ?? 0 })} extra={newOrder} style={{ marginBottom: 16 }} data-testid="card-work-orders">
      {creating && <WorkOrderFormModal requestId={requestId} onSaved={orders.reload} onClose={() => setCreating(false)} />}
      <Table<WorkOrder>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={orders.data ?? []}
        columns={[
          { title: t('workOrders.subject'), dataIndex: 'subject' },
          { title: t('workOrders.partner'), dataIndex: 'partnerId', render: partnerName },
          { title: t('workOrders.status'), dataIndex: 'status', render: (_: unknown, order) => <WorkOrderStatusTag status={order.status} /> },
          { title: t('workOrders.due'), dataIndex: 'dueAt', render: (_: unknown, order) => <WorkOrderDue order={order} /> },
          ...(can('work-orders.update') ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, order: WorkOrder) => <WorkOrderMoves order={order} onMoved={orders.reload} /> }] : []),
        ]}
        scroll={{ x: true }}
      />
    </Card>
  );
}
