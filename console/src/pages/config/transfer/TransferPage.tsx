import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, get } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { ErrorDetail } from '../../../api/types';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import type { ConfigDocument } from '../../../../../server/src/config-transfer/config-document';
import type { ImportPlan } from '../../../../../server/src/config-transfer/import-session';
import { PlanTable, ProblemTable } from './PlanTables';

interface Chosen {
  name: string;
  document: unknown;
}

interface Failure {
  message: string;
  details: ErrorDetail[];
}

const changesIn = (plan: ImportPlan) => Object.values(plan.kinds).reduce((sum, kind) => sum + kind.created.length + kind.updated.length, 0);
const total = (plan: ImportPlan, outcome: 'created' | 'updated' | 'unchanged') => Object.values(plan.kinds).reduce((sum, kind) => sum + kind[outcome].length, 0);

/** The whole configuration out as one file, and a file in: a dry run's plan first, then the import on confirmation. */
export default function TransferPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure({ message: describeError(error, i18n), details: error instanceof ApiError ? error.details : [] });
    } finally {
      setBusy(false);
    }
  };

  const download = () =>
    act(async () => {
      const document = await get<ConfigDocument>('/config/export');
      const link = window.document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
      link.download = `docket-config-${document.exportedAt.slice(0, 10)}.json`;
      link.click();
      void message.success(t('transfer.exported'));
    });

  const importFile = (document: unknown, dryRun: boolean) => api<ImportPlan>('POST', '/config/import', { body: document, query: { dryRun } });

  const choose = (file: File) =>
    act(async () => {
      setPlan(null);
      setChosen(null);
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch (error) {
        setFailure({ message: t('transfer.notJson', { message: (error as Error).message }), details: [] });
        return;
      }
      setChosen({ name: file.name, document });
      setPlan(await importFile(document, true));
    });

  const apply = () =>
    act(async () => {
      const applied = await importFile(chosen!.document, false);
      setPlan(applied);
      void message.success(t('transfer.done', { created: total(applied, 'created'), updated: total(applied, 'updated'), unchanged: total(applied, 'unchanged') }));
    });

  const problems = plan?.problems ?? [];
  return (
    <>
      <PageHeader title={t('nav.configTransfer')} />
      <Flex vertical gap={16}>
        <Typography.Paragraph>{t('transfer.intro')}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={busy}>
            {t('transfer.export')}
          </Button>
          <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer', padding: '4px 15px' }}>
            <UploadOutlined /> {t('transfer.import')}
            <input type="file" accept=".json,application/json" hidden aria-label={t('transfer.import')}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void choose(file);
              }} />
          </label>
        </Flex>
        {failure && (
          <Flex vertical gap={8}>
            <Alert type="error" showIcon role="alert" title={failure.message} />
            {failure.details.length > 0 && <ProblemTable problems={failure.details} />}
          </Flex>
        )}
        {plan && chosen && (
          <Flex vertical gap={8} data-testid="import-plan">
            <Typography.Title level={5}>{t(plan.applied ? 'transfer.applied' : 'transfer.plan', { file: chosen.name })}</Typography.Title>
            <PlanTable plan={plan} />
            {problems.length > 0 && (
              <>
                <Alert type="error" showIcon role="alert" title={t('transfer.problems')} />
                <ProblemTable problems={problems} />
              </>
            )}
            {!plan.applied && problems.length === 0 && changesIn(plan) === 0 && <Alert type="info" showIcon title={t('transfer.nothingToDo')} />}
            {!plan.applied && (
              <Flex>
                <Button type="primary" disabled={problems.length > 0} loading={busy} onClick={() => void apply()}>
                  {t('transfer.apply')}
                </Button>
              </Flex>
            )}
          </Flex>
        )}
      </Flex>
    </>
  );
}
