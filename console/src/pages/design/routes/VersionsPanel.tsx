import { Alert, Button, Collapse, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { RouteVersionSummary, Wire } from '../../../api/types';
import { formatInstant } from '../../../components/format';
import { useI18n } from '../../../i18n/i18n';
import type { ElementChanges, VersionDiff } from '../../../../../server/src/routes/version-diff';

const STATE_COLOURS: Record<string, string> = { draft: 'gold', published: 'green', retired: 'default' };

/** What changed in one group of elements, as lists a designer reads. */
function ChangeList({ title, changes }: { title: string; changes: ElementChanges }) {
  const { t } = useI18n();
  const label = ({ id, name }: { id: string; name: string }) => (name ? `${name} (${id})` : id);
  const lines = [
    ...changes.added.map((element) => <Typography.Text key={`+${element.id}`} type="success">+ {label(element)}</Typography.Text>),
    ...changes.removed.map((element) => <Typography.Text key={`-${element.id}`} type="danger">− {label(element)}</Typography.Text>),
    ...changes.changed.map((element) => (
      <Typography.Text key={`~${element.id}`}>
        ~ {label(element)}: {element.fields.join(', ')}
      </Typography.Text>
    )),
  ];
  return (
    <Flex vertical>
      <Typography.Text strong>{title}</Typography.Text>
      {lines.length ? lines : <Typography.Text type="secondary">{t('modeller.diff.none')}</Typography.Text>}
    </Flex>
  );
}

/** The route's versions, newest first, and what changed between any two of them. */
export function VersionsPanel({ routeId, versions }: { routeId: number; versions: RouteVersionSummary[] }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [diff, setDiff] = useState<Wire<VersionDiff> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const options = versions.map((version) => ({ value: version.version, label: t('modeller.versionN', { version: version.version }) }));

  const compare = async () => {
    setFailure(null);
    try {
      setDiff(await get<Wire<VersionDiff>>(`/routes/${routeId}/diff`, { from, to }));
    } catch (error) {
      setDiff(null);
      setFailure(describeError(error, i18n));
    }
  };

  const history = (
    <Flex vertical gap={12}>
      <Table<RouteVersionSummary>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: t('modeller.version'), dataIndex: 'version', render: (version: number) => t('modeller.versionN', { version }) },
          { title: t('modeller.diff.state'), key: 'state', render: (_, version) => <Tag color={STATE_COLOURS[version.state]}>{t(`modeller.state.${version.state}`)}</Tag> },
          { title: t('modeller.diff.createdBy'), key: 'created', render: (_, version) => `${version.createdBy}, ${formatInstant(version.createdAt, locale)}` },
          { title: t('modeller.diff.publishedAt'), key: 'published', render: (_, version) => (version.publishedAt ? `${version.publishedBy ?? ''}, ${formatInstant(version.publishedAt, locale)}` : t('common.none')) },
        ]}
      />
      <Flex gap={8} align="center" wrap>
        <Select aria-label={t('modeller.diff.from')} showSearch optionFilterProp="label" placeholder={t('modeller.diff.from')} style={{ width: 140 }} value={from} onChange={setFrom} options={options} />
        →
        <Select aria-label={t('modeller.diff.to')} showSearch optionFilterProp="label" placeholder={t('modeller.diff.to')} style={{ width: 140 }} value={to} onChange={setTo} options={options} />
        <Button disabled={from === undefined || to === undefined} onClick={() => void compare()}>
          {t('modeller.diff.compare')}
        </Button>
      </Flex>
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      {diff && (
        <Flex vertical gap={8} data-testid="version-diff">
          <Typography.Text>{t('modeller.diff.route')}: {diff.route.length ? diff.route.join(', ') : t('modeller.diff.none')}</Typography.Text>
          <ChangeList title={t('modeller.diff.steps')} changes={diff.steps} />
          <ChangeList title={t('modeller.diff.transitions')} changes={diff.transitions} />
        </Flex>
      )}
    </Flex>
  );

  return <Collapse size="small" items={[{ key: 'versions', label: t('modeller.diff.title'), children: versions.length ? history : <Empty /> }]} />;
}
