import { Alert, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../api/client';
import { describeError } from '../../api/errors';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../server/src/reports/definitions/report-vocabulary';
import { BarChart } from '../manager/BarChart';
import type { ReportRun } from './types';

const BLUE = '#1677ff';

/** One run of a report: the rows as a table, the first measure by the first dimension as bars, and its files. */
export function ReportResultView({ run }: { run: ReportRun }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [failure, setFailure] = useState<string | null>(null);
  const dimension = run.columns.find((column) => column.kind === 'dimension');
  const measure = run.columns.find((column) => column.kind === 'measure');
  const download = (format: ExportFormat) => {
    setFailure(null);
    downloadFile(`/reports/definitions/${run.report.id}/export?format=${format}`, `${run.report.code}.${format}`).catch((error: unknown) => setFailure(describeError(error, i18n)));
  };
  return (
    <Card
      size="small"
      title={run.report.name}
      extra={
        <Space wrap>
          <Tag>{formatInstant(run.generatedAt, locale)}</Tag>
          {EXPORT_FORMATS.map((format) => (
            <Button key={format} size="small" onClick={() => download(format)}>
              {t('reports.download', { format: format.toUpperCase() })}
            </Button>
          ))}
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {run.scope === 'mine' && <Alert type="info" showIcon title={t('reports.scopeMine')} style={{ marginBottom: 12 }} />}
      {run.truncated && <Alert type="warning" showIcon title={t('reports.truncated', { limit: run.limit })} style={{ marginBottom: 12 }} />}
      {dimension && measure && run.rows.length > 0 && (
        <Card size="small" type="inner" title={t('reports.chart', { measure: measure.label, dimension: dimension.label })} style={{ marginBottom: 12 }}>
          <BarChart
            label={t('reports.chart', { measure: measure.label, dimension: dimension.label })}
            empty={t('reports.empty')}
            bars={run.rows.slice(0, 50).map((row, index) => ({ key: index, label: String(row[dimension.key] ?? t('common.none')), parts: [{ value: Number(row[measure.key] ?? 0), colour: BLUE, title: measure.label }] }))}
          />
        </Card>
      )}
      <Table
        size="small"
        rowKey={(_, index) => String(index)}
        dataSource={run.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.empty')} /> }}
        columns={run.columns.map((column) => ({ key: column.key, title: column.label, dataIndex: column.key, align: column.kind === 'measure' ? ('right' as const) : undefined, render: (value: unknown) => (value === null || value === undefined ? t('common.none') : String(value)) }))}
        data-testid="report-table"
      />
    </Card>
  );
}
