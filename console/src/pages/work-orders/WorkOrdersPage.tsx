import { Alert, Button, Flex, Select, Table, TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { WorkOrderStatus } from '../../../../server/src/requests/work-orders/work-order-status';
import { usePagedRemote } from '../../api/hooks';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { safeHtml } from '../workspace/rich-text';
import { usePartnerName } from './partners';
import type { WorkOrder } from './types';
import { WORK_ORDER_STATUSES, WorkOrderDue, WorkOrderMoves, WorkOrderStatusTag } from './WorkOrderStatus';

/** Work orders to partners: staff see those of the requests they may read, a partner's user only their organisation's. */
export default function WorkOrdersPage() {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const [status, setStatus] = useState<WorkOrderStatus | undefined>();
  const orders = usePagedRemote<WorkOrder>('/work-orders', { status });
  const partnerName = usePartnerName();
  const staff = can('requests.read');

  const columns: TableColumnsType<WorkOrder> = [
    { title: '#', dataIndex: 'id' },
    { title: t('workOrders.subject'), dataIndex: 'subject' },
    ...(staff ? [{ title: t('workOrders.request'), dataIndex: 'requestId', render: (id: number) => <Link to={`/workspace/requests?request=${id}`}>#{id}</Link> }] : []),
    ...(staff ? [{ title: t('workOrders.partner'), dataIndex: 'partnerId', render: partnerName }] : []),
    { title: t('workOrders.status'), dataIndex: 'status', render: (value: WorkOrderStatus) => <WorkOrderStatusTag status={value} /> },
    { title: t('workOrders.due'), dataIndex: 'dueAt', render: (_: unknown, order) => <WorkOrderDue order={order} /> },
    { title: t('workOrders.updated'), dataIndex: 'updatedAt', render: (value: string) => formatInstant(value, locale) },
    ...(can('work-orders.update') ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, order: WorkOrder) => <WorkOrderMoves order={order} onMoved={orders.reload} /> }] : []),
  ];

  return (
    <>
      <PageHeader title={t('nav.workOrders')} actions={<Button onClick={orders.reload}>{t('common.reload')}</Button>} />
      {!staff && <Alert type="info" showIcon title={t('workOrders.partnerScope')} style={{ marginBottom: 12 }} />}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select<WorkOrderStatus | undefined>
          aria-label={t('workOrders.status')}
          value={status}
          onChange={setStatus}
          allowClear
          placeholder={t('workOrders.allStatuses')}
          style={{ width: 200 }}
          options={WORK_ORDER_STATUSES.map((value) => ({ value, label: t(`workOrders.status.${value}`) }))}
        />
      </Flex>
      <ErrorAlert message={orders.error} onRetry={orders.reload} />
      <Table<WorkOrder>
        aria-label={t('nav.workOrders')}
        rowKey="id"
        size="small"
        loading={orders.loading}
        dataSource={orders.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('workOrders.empty') }}
        expandable={{ rowExpandable: (order) => Boolean(order.description), expandedRowRender: (order) => <div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(order.description) }} /> }}
        onRow={(order) => ({ 'data-testid': `work-order-${order.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: orders.page, pageSize: orders.pageSize, total: orders.data?.total ?? 0, onChange: orders.setPage, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: true }}
      />
    </>
  );
}
