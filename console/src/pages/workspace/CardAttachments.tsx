import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../../api/errors';
import { useRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { downloadFile, uploadFile } from './file-transfer';
import type { AttachmentRow, RequestCardView } from './types';

const UNITS = ['B', 'KB', 'MB', 'GB'];

export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

/** The attachment list names its uploader by id only; the card's journal has the login for each `attachment.add`. */
function uploadersOf(history: RequestCardView['history']): Map<number, string> {
  const logins = new Map<number, string>();
  for (const entry of history) {
    if (entry.action !== 'attachment.add') continue;
    for (const change of entry.changes) {
      const added = change.new as { id?: unknown } | null;
      if (change.field === 'attachment' && typeof added?.id === 'number') logins.set(added.id, entry.actorLogin);
    }
  }
  return logins;
}

/** The request's files (its own and its comments'): who added what when, download, and upload for those who work it. */
export function CardAttachments({ card, editable, onUploaded }: { card: RequestCardView; editable: boolean; onUploaded(): void }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { message } = App.useApp();
  const path = `/requests/${card.request.id}/attachments`;
  const files = useRemote<AttachmentRow[]>(path, { v: card.request.version });
  const [problem, setProblem] = useState<string | null>(null);
  const uploaders = uploadersOf(card.history);

  const download = (row: AttachmentRow) => downloadFile(`${path}/${row.id}/content`, row.fileName).catch((error: unknown) => message.error(describeError(error, i18n)));

  return (
    <Flex vertical gap={12}>
      {editable && (
        <Flex vertical gap={4}>
          <Upload
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              setProblem(null);
              uploadFile<AttachmentRow>(path, file as File).then(
                (row) => {
                  onSuccess?.(row);
                  void message.success(t('workspace.uploaded', { name: row.fileName }));
                  files.reload();
                  onUploaded();
                },
                (error: unknown) => {
                  setProblem(describeError(error, i18n));
                  onError?.(error as Error);
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />}>{t('workspace.upload')}</Button>
          </Upload>
          {problem && <Typography.Text type="danger" role="alert" data-testid="upload-problem">{problem}</Typography.Text>}
        </Flex>
      )}
      <ErrorAlert message={files.error} onRetry={files.reload} />
      <Table<AttachmentRow>
        aria-label={t('workspace.attachments', { count: files.data?.length ?? 0 })}
        rowKey="id"
        size="small"
        pagination={false}
        loading={files.loading}
        dataSource={files.data ?? []}
        locale={{ emptyText: t('workspace.noAttachments') }}
        onRow={(row) => ({ 'data-testid': `attachment-${row.fileName}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('workspace.fileName'), dataIndex: 'fileName', render: (name: string, row) => <Typography.Link onClick={() => void download(row)}>{name}</Typography.Link> },
          { title: t('workspace.fileSize'), dataIndex: 'size', render: formatSize, width: 100 },
          { title: t('workspace.fileType'), dataIndex: 'contentType' },
          { title: t('workspace.fileBy'), dataIndex: 'createdById', render: (id: number | null, row) => uploaders.get(row.id) ?? (id === null ? t('common.none') : `#${id}`) },
          { title: t('workspace.fileAt'), dataIndex: 'createdAt', render: (value: string) => formatInstant(value, locale) },
          { title: '', key: 'download', width: 60, render: (_, row) => <Button size="small" icon={<DownloadOutlined />} aria-label={t('workspace.download')} title={t('workspace.download')} onClick={() => void download(row)} /> },
        ]}
      />
    </Flex>
  );
}
