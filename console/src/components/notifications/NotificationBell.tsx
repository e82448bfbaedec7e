import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Checkbox, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../api/errors';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { formatInstant } from '../format';
import { useNotificationFeed, type NotificationRow } from './notification-feed';

/** The bell in the header: the unread count, live; the latest notifications, each opening its request. */
export function NotificationBell() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const feed = useNotificationFeed(unreadOnly);

  const failed = (error: unknown) => void message.error(describeError(error, i18n));
  const choose = (row: NotificationRow) => {
    if (!row.read) feed.markRead(row.id).catch(failed);
    if (row.requestId !== null && can('requests.read')) {
      setOpen(false);
      navigate(`/workspace/requests?request=${row.requestId}`);
    }
  };

  const content = (
    <Flex vertical gap={8} style={{ width: 360 }} data-testid="notification-list">
      <Flex justify="space-between" align="center">
        <Checkbox checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)}>{t('notifications.unreadOnly')}</Checkbox>
        <Button size="small" type="link" disabled={!feed.unread} onClick={() => void feed.markAllRead().catch(failed)}>{t('notifications.readAll')}</Button>
      </Flex>
      <List<NotificationRow>
        size="small"
        loading={feed.loading && !feed.items.length}
        dataSource={feed.items}
        locale={{ emptyText: t('notifications.empty') }}
        style={{ maxHeight: 420, overflowY: 'auto' }}
        renderItem={(row) => (
          <List.Item key={row.id} onClick={() => choose(row)} style={{ cursor: 'pointer' }} data-testid="notification-item">
            <Flex vertical gap={2}>
              <Typography.Text strong={!row.read}>{row.title}</Typography.Text>
              <Typography.Text type="secondary" ellipsis={{ tooltip: row.body }} style={{ maxWidth: 340 }}>{row.body}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(row.createdAt, locale)}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );

  return (
    <Popover open={open} onOpenChange={(next) => { setOpen(next); if (next) feed.reload(); }} trigger="click" placement="bottomRight" title={t('notifications.title')} content={content}>
      <Badge count={feed.unread} size="small" data-testid="notification-count">
        <Button shape="circle" icon={<BellOutlined />} aria-label={t('notifications.bell', { count: feed.unread })} />
      </Badge>
    </Popover>
  );
}
