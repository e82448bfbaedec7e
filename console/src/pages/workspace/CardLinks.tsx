import { DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post, remove } from '../../api/client';
import { describeError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { ProblemStatusTag } from '../problems/ProblemStatusTag';
import type { CardAction } from './card-action';
import type { CardLink, CardRelative, RequestCardView } from './types';

type LinkKind = CardLink['kind'];
const KINDS: LinkKind[] = ['duplicateOf', 'relatedTo'];

/** One row of the tab: how the other request (or problem) stands to this one. */
interface Row {
  key: string;
  relation: string;
  request?: CardRelative;
  problem?: RequestCardView['problems'][number];
  linkId?: number;
}

interface CardLinksProps {
  card: RequestCardView;
  action: CardAction;
  editable: boolean;
  onOpen(id: number): void;
}

/** The request's parent and children, the problem that caused it, and its duplicate and related requests both ways; links are added by number. */
export function CardLinks({ card, action, editable, onOpen }: CardLinksProps) {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const [kind, setKind] = useState<LinkKind>('relatedTo');
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<{ where: string; text: string } | null>(null);
  const path = `/requests/${card.request.id}/links`;
  const failed = (where: string) => (error: unknown) => setProblem({ where, text: describeError(error, i18n) });

  const add = async () => {
    setProblem(null);
    if (await action.run(() => post(path, { kind, number: number.trim() }), t('workspace.links.added', { number: number.trim() }), failed('add'))) setNumber('');
  };
  const unlink = (link: CardLink) => {
    setProblem(null);
    void action.run(() => remove(`${path}/${link.id}`), t('workspace.links.removed', { number: link.request.number }), failed(`link-${link.id}`));
  };

  const rows: Row[] = [
    ...(card.parent ? [{ key: 'parent', relation: t('workspace.links.parent'), request: card.parent }] : []),
    ...card.children.map((child) => ({ key: `child-${child.id}`, relation: t('workspace.links.child'), request: child })),
    ...card.problems.map((item) => ({ key: `problem-${item.id}`, relation: t('workspace.links.problem'), problem: item })),
    ...card.links.map((link) => ({ key: `link-${link.id}`, relation: t(`workspace.links.${link.kind}.${link.direction}`), request: link.request, linkId: link.id })),
  ];
  const linkOf = (row: Row) => card.links.find((link) => link.id === row.linkId);

  return (
    <Flex vertical gap={12}>
      {rows.length === 0 ? (
        <Empty description={t('workspace.links.none')} />
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          onRow={(row) => ({ 'data-testid': row.request ? `relative-${row.request.number}` : `problem-${row.problem!.number}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'relation', title: t('workspace.links.relation'), render: (_, row) => row.relation },
            {
              key: 'number',
              title: t('workspace.number'),
              render: (_, row) =>
                row.request ? (
                  <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(row.request!.id)}>
                    {row.request.number}
                  </Button>
                ) : (
                  row.problem!.number
                ),
            },
            { key: 'what', title: t('workspace.links.what'), render: (_, row) => (row.request ? (row.request.topic?.name ?? t('common.none')) : row.problem!.subject) },
            {
              key: 'status',
              title: t('workspace.status'),
              render: (_, row) => (row.request ? <Tag color={row.request.isOpen ? 'blue' : undefined}>{tOr(`status.${row.request.status}`, row.request.status)}</Tag> : <ProblemStatusTag status={row.problem!.status} />),
            },
            {
              key: 'actions',
              title: '',
              render: (_, row) => {
                const link = linkOf(row);
                if (!link || !editable) return null;
                return (
                  <Flex gap={8} align="center">
                    <Button size="small" icon={<DeleteOutlined />} aria-label={t('workspace.links.remove', { number: link.request.number })} loading={action.busy} onClick={() => unlink(link)} />
                    {problem?.where === `link-${link.id}` && <Typography.Text type="danger" role="alert">{problem.text}</Typography.Text>}
                  </Flex>
                );
              },
            },
          ]}
        />
      )}
      {editable && (
        <Flex gap={8} align="center" wrap data-testid="add-link">
          <Select<LinkKind> aria-label={t('workspace.links.kind')} value={kind} onChange={setKind} style={{ width: 200 }} options={KINDS.map((value) => ({ value, label: t(`workspace.links.${value}.outgoing`) }))} />
          <Input aria-label={t('workspace.links.number')} placeholder={t('workspace.links.numberPlaceholder')} value={number} onChange={(event) => setNumber(event.target.value)} onPressEnter={() => number.trim() && void add()} style={{ width: 220 }} maxLength={32} />
          <Button type="primary" disabled={!number.trim()} loading={action.busy} onClick={() => void add()}>
            {t('workspace.links.add')}
          </Button>
          {problem?.where === 'add' && <Typography.Text type="danger" role="alert">{problem.text}</Typography.Text>}
        </Flex>
      )}
    </Flex>
  );
}
