import { Button, Modal, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { BulkReport, RequestRow } from './types';

type Result = BulkReport['results'][number];

/** Each request's answer to a bulk action: done, or refused and why, in the user's words. */
export function BulkResults({ report, rows, onClose }: { report: BulkReport; rows: RequestRow[]; onClose(): void }) {
  const { t, tOr } = useI18n();
  const rowOf = (id: number) => rows.find((row) => row.id === id);
  const why = (result: Result) => (result.code === 'stale_version' ? t('workspace.bulk.stale') : tOr(`errors.${result.code}`, result.message));
  return (
    <Modal
      open
      width={760}
      title={t('workspace.bulk.resultTitle', { succeeded: report.succeeded, failed: report.failed })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('workspace.bulk.close')}
        </Button>
      }
    >
      <Table<Result>
        aria-label={t('workspace.bulk.results')}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={report.results}
        onRow={(result) => ({ 'data-testid': `bulk-result-${rowOf(result.id)?.number ?? result.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('workspace.number'), key: 'number', render: (_, result) => rowOf(result.id)?.number ?? `#${result.id}` },
          { title: t('workspace.subject'), key: 'subject', ellipsis: true, render: (_, result) => rowOf(result.id)?.subject },
          { title: t('workspace.bulk.outcome'), key: 'outcome', render: (_, result) => (result.ok ? <Tag color="green">{t('workspace.bulk.done')}</Tag> : <Tag color="red">{t('workspace.bulk.refused')}</Tag>) },
          { title: t('workspace.bulk.why'), key: 'why', render: (_, result) => (result.ok ? null : <Typography.Text type="danger">{why(result)}</Typography.Text>) },
        ]}
      />
    </Modal>
  );
}
