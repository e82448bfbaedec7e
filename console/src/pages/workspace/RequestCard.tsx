import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { useRemote } from '../../api/hooks';
import { useAuth } from '../../auth/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import { LinkedArticles } from '../knowledge/LinkedArticles';
import { CardWorkOrders } from '../work-orders/CardWorkOrders';
import type { FieldSpec } from './attribute-values';
import { CardActions } from './CardActions';
import { CardAttachments } from './CardAttachments';
import { CardAttributes } from './CardAttributes';
import { CardClosure } from './CardClosure';
import { CardDiscussions } from './CardDiscussions';
import { CardHistory } from './CardHistory';
import { CardLinks } from './CardLinks';
import { CardTags } from './CardTags';
import { useCardAction } from './card-action';
import { useQueueStaff } from './queue-staff';
import { safeHtml } from './rich-text';
import { SlaClocks } from './SlaClocks';
import type { RequestCardView } from './types';

function specsOfCard(card: RequestCardView): FieldSpec[] {
  return card.attributes.map((attribute) => ({
    code: attribute.code,
    name: attribute.name,
    valueType: attribute.valueType,
    multiple: attribute.multiple,
    required: attribute.required,
    readOnly: attribute.readOnly,
    group: attribute.group ? { name: attribute.group, collapsed: false } : null,
  }));
}

/** Files added minus files removed, as the journal has them: the tab's count without a second request. */
function attachmentCount(card: RequestCardView): number {
  return card.history.reduce((count, entry) => count + (entry.action === 'attachment.add' ? 1 : entry.action === 'attachment.delete' ? -1 : 0), 0);
}

/** One request: its fields and tags, what can be done at its current step, its attributes, discussions, links, history and SLA clocks. */
export function RequestCard({ id, onBack, onOpen }: { id: number; onBack(): void; onOpen(id: number): void }) {
  const { t, tOr, locale } = useI18n();
  const { can, user } = useAuth();
  const remote = useRemote<RequestCardView>(`/requests/${id}`);
  const action = useCardAction(remote.reload);
  const card = remote.data?.request.id === id ? remote.data : undefined;
  // Names of the queue's staff; where they cannot be read the assignee stays a number.
  const staff = useQueueStaff(card?.request.queueId ? [card.request.queueId] : []);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
      {t('workspace.backToList')}
    </Button>
  );
  if (!card) {
    return (
      <>
        {back}
        <div style={{ marginTop: 16 }}>{remote.error ? <ErrorAlert message={remote.error} onRetry={remote.reload} /> : <Spin />}</div>
      </>
    );
  }
  const { request } = card;
  const working = card.canWork && can('requests.work') && request.isOpen;
  // Links and tags, like files, may still be written on a closed request; only an archived one is read-only (canWork).
  const linkable = card.canWork && can('requests.work');
  const specs = specsOfCard(card);
  const reload = () => {
    action.clearStale();
    remote.reload();
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        {back}
        <Button onClick={reload}>{t('common.reload')}</Button>
      </Flex>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {request.number} · {request.subject}
      </Typography.Title>
      <CardTags requestId={request.id} tags={card.tags} action={action} editable={linkable} />
      {action.stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('workspace.stale')}
          action={<Button size="small" type="primary" onClick={reload}>{t('workspace.reloadCard')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <ErrorAlert message={remote.error} onRetry={reload} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'status', label: t('workspace.status'), children: <Tag color={request.isOpen ? 'blue' : undefined} data-testid="card-status">{tOr(`status.${request.status}`, request.status)}</Tag> },
            { key: 'step', label: t('workspace.step'), children: <span data-testid="card-step">{request.currentSteps ?? t('common.none')}</span> },
            { key: 'topic', label: t('workspace.topic'), children: card.topic.name },
            { key: 'type', label: t('workspace.type'), children: tOr(`workspace.type.${request.type}`, request.type) },
            { key: 'priority', label: t('workspace.priority'), children: request.priority },
            { key: 'assignee', label: t('workspace.assignee'), children: request.assigneeId === null ? t('workspace.unassigned') : request.assigneeId === user?.id ? t('workspace.me') : (staff.byId.get(request.assigneeId)?.displayName ?? `#${request.assigneeId}`) },
            { key: 'created', label: t('workspace.created'), children: formatInstant(request.createdAt, locale) },
            { key: 'due', label: t('workspace.due'), children: formatInstant(request.dueAt, locale) },
            { key: 'route', label: t('workspace.route'), children: card.route ? `${card.route.code} v${card.route.version}` : t('common.none') },
          ]}
        />
        {request.description && <div className="docket-rich-text" dangerouslySetInnerHTML={{ __html: safeHtml(request.description) }} />}
      </Card>
      {working && <CardActions card={card} specs={specs} action={action} />}
      <CardClosure card={card} action={action} />
      <CardWorkOrders requestId={request.id} version={request.version} canCreate={working} />
      {!card.canWork && <Alert type="info" showIcon title={t('workspace.readOnlyCard')} style={{ marginBottom: 12 }} />}
      <Tabs
        items={[
          { key: 'attributes', label: t('workspace.attributes'), children: <CardAttributes card={card} specs={specs} action={action} editable={working} /> },
          { key: 'discussions', label: t('workspace.discussions', { count: card.discussions.length }), children: <CardDiscussions card={card} action={action} editable={working} /> },
          { key: 'links', label: t('workspace.links', { count: (card.parent ? 1 : 0) + card.children.length + card.problems.length + card.links.length }), children: <CardLinks card={card} action={action} editable={linkable} onOpen={onOpen} /> },
          { key: 'attachments', label: t('workspace.attachments', { count: attachmentCount(card) }), children: <CardAttachments card={card} editable={card.canWork && can('requests.work')} onUploaded={remote.reload} /> },
          { key: 'knowledge', label: t('knowledge.tab'), children: <LinkedArticles path={`/requests/${request.id}/articles`} editable={card.canWork && can('requests.work') && can('knowledge.read')} /> },
          { key: 'history', label: t('workspace.history'), children: <CardHistory history={card.history} /> },
          ...(can('sla.read') ? [{ key: 'sla', label: t('workspace.sla'), children: <SlaClocks requestId={request.id} version={request.version} /> }] : []),
        ]}
      />
    </>
  );
}
