import { Table } from 'antd';
import type { AuditRecord } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';

type Change = AuditRecord['changes'][number];

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** One audit line's field changes, old → new. */
export function ChangesTable({ changes }: { changes: Change[] }) {
  const { t } = useI18n();
  return (
    <Table<Change>
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={changes}
      columns={[
        { title: t('audit.field'), dataIndex: 'field' },
        { title: t('audit.old'), dataIndex: 'old', render: show },
        { title: t('audit.new'), dataIndex: 'new', render: show },
      ]}
    />
  );
}
