import { Alert, App, Button, Collapse, Flex, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { get, post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { RouteVersion, RouteVersionSummary } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MigrationReport } from '../../../../../server/src/routes/route-migration.service';
import { defaultStepMap, outcomeRows, waitingSteps, type OutcomeRow } from './migration-plan';

interface Pair {
  from: RouteVersion;
  to: RouteVersion;
}

/**
 * Once a new version is published while open requests are still on an older one: map each step of the old
 * version to a step of the new one (the same id by default), see per request what a dry run says, migrate.
 */
export function MigrationPanel({ routeId, versions }: { routeId: number; versions: RouteVersionSummary[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const published = versions.find((version) => version.state === 'published')?.version;
  const retired = versions.filter((version) => version.state === 'retired').map((version) => version.version);
  const newestRetired = retired[0];
  const [fromVersion, setFromVersion] = useState<number | undefined>(newestRetired);
  const [pair, setPair] = useState<Pair | null>(null);
  const [stepMap, setStepMap] = useState<Record<string, string>>({});
  const [report, setReport] = useState<MigrationReport | null>(null);
  const [applied, setApplied] = useState(false);
  const [waiting, setWaiting] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A newly published version retires another: the plan starts from the one just retired.
  useEffect(() => setFromVersion(newestRetired), [newestRetired]);

  useEffect(() => {
    if (published === undefined || fromVersion === undefined) return setPair(null);
    let current = true;
    Promise.all([get<RouteVersion>(`/routes/${routeId}/versions/${fromVersion}`), get<RouteVersion>(`/routes/${routeId}/versions/${published}`)])
      .then(async ([from, to]) => {
        const defaults = defaultStepMap(from.definition, to.definition);
        const baseline = await post<MigrationReport>(`/routes/${routeId}/migrations/dry-run`, { from: from.version, to: to.version, stepMap: defaults });
        if (!current) return;
        setPair({ from, to });
        setStepMap(defaults);
        setReport(null);
        setWaiting(baseline.movable.length + baseline.blocked.length);
      })
      .catch((error: unknown) => current && setProblem(describeError(error, i18n)));
    return () => {
      current = false;
    };
  }, [routeId, fromVersion, published, i18n]);

  const targets = useMemo(() => (pair ? waitingSteps(pair.to.definition).map((step) => ({ value: step.id, label: `${step.name} (${step.id})` })) : []), [pair]);
  if (!pair || published === undefined) return null;

  const run = (path: string, moved: boolean) => async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await post<MigrationReport>(path, { from: pair.from.version, to: pair.to.version, stepMap });
      setReport(result);
      setApplied(moved);
      if (moved) {
        setWaiting(result.blocked.length);
        void message.success(t('migration.done', { moved: result.movable.length, blocked: result.blocked.length, to: result.to }));
      }
    } catch (error) {
      setProblem(describeError(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  const stepRows = waitingSteps(pair.from.definition);
  const newIds = new Set(targets.map((target) => target.value));
  const editor = (
    <Flex vertical gap={12} data-testid="migration-plan">
      <Flex gap={8} align="center">
        <Typography.Text>{t('migration.from')}</Typography.Text>
        <Select aria-label={t('migration.from')} style={{ width: 120 }} value={fromVersion} onChange={setFromVersion} options={retired.map((version) => ({ value: version, label: t('modeller.versionN', { version }) }))} />
        <Typography.Text type={waiting ? 'warning' : 'secondary'}>
          {waiting ? t('migration.waiting', { count: waiting, from: pair.from.version }) : t('migration.none', { from: pair.from.version })}
        </Typography.Text>
      </Flex>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={stepRows}
        columns={[
          { title: t('migration.step', { from: pair.from.version }), key: 'step', render: (_, step) => (<>{step.name} ({step.id}) {!newIds.has(step.id) && <Tag color="orange">{t('migration.removed', { to: pair.to.version })}</Tag>}</>) },
          {
            title: t('migration.target', { to: pair.to.version }),
            key: 'target',
            render: (_, step) => (
              <Select aria-label={t('migration.target', { to: pair.to.version }) + ` ${step.id}`} style={{ minWidth: 240 }} placeholder={t('migration.pick')} allowClear value={stepMap[step.id]} options={targets}
                onChange={(target?: string) => {
                  setReport(null);
                  setStepMap(({ [step.id]: _old, ...rest }) => (target ? { ...rest, [step.id]: target } : rest));
                }} />
            ),
          },
        ]}
      />
      <Flex gap={8}>
        <Button onClick={run(`/routes/${routeId}/migrations/dry-run`, false)} loading={busy}>
          {t('migration.dryRun')}
        </Button>
        <Button type="primary" danger disabled={!report || applied || report.movable.length === 0} onClick={run(`/routes/${routeId}/migrations`, true)} loading={busy}>
          {t('migration.migrate')}
        </Button>
      </Flex>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {report && (
        <Flex vertical gap={4} data-testid="migration-result">
          <Typography.Text>{t('migration.summary', { movable: report.movable.length, blocked: report.blocked.length })}</Typography.Text>
          <Table<OutcomeRow>
            rowKey="requestId"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={outcomeRows(report)}
            columns={[
              { title: t('migration.request'), dataIndex: 'number' },
              {
                title: t('migration.outcome'),
                key: 'outcome',
                render: (_, row) =>
                  row.reasons ? <Typography.Text type="danger">{t('migration.refused', { reasons: row.reasons.join('; ') })}</Typography.Text> : <Typography.Text type="success">{t(applied ? 'migration.moved' : 'migration.wouldMove', { steps: row.targets!.join(', ') })}</Typography.Text>,
              },
            ]}
          />
        </Flex>
      )}
    </Flex>
  );
  return <Collapse size="small" key={`${pair.from.version}-${pair.to.version}`} defaultActiveKey={waiting ? ['migration'] : []} items={[{ key: 'migration', label: t('migration.title', { to: pair.to.version }), children: editor }]} />;
}
