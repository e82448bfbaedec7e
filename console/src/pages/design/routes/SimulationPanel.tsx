import { Alert, Button, Card, Input, Steps } from 'antd';
import { useState } from 'react';
import { post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { Simulation, SimulationInput } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { Canvas, ElementRegistry, highlightPath } from './diagram-issues';

/** Runs a saved version on a sample request context and highlights the path it takes on the diagram. */
export function SimulationPanel({ routeId, version, sample, service }: { routeId: number; version: number; sample: Record<string, unknown>; service<T>(name: string): T }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [contextText, setContextText] = useState(() => JSON.stringify(sample, null, 2));
  const [report, setReport] = useState<Simulation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    setProblem(null);
    let context: Record<string, unknown>;
    try {
      context = JSON.parse(contextText) as Record<string, unknown>;
    } catch {
      setProblem(t('rules.contextNotJson'));
      return;
    }
    try {
      const result = await post<Simulation>(`/routes/${routeId}/versions/${version}/simulate`, { context } satisfies SimulationInput);
      setReport(result);
      highlightPath(service<Canvas>('canvas'), service<ElementRegistry>('elementRegistry'), result.path.map((step) => step.stepId));
    } catch (error) {
      setProblem(describeError(error, i18n));
    }
  };

  return (
    <Card size="small" title={t('modeller.simulation')} style={{ marginTop: 12 }}>
      <Input.TextArea aria-label={t('modeller.simulationContext')} value={contextText} onChange={(event) => setContextText(event.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} style={{ fontFamily: 'monospace' }} />
      <Button onClick={run} style={{ margin: '8px 0' }}>{t('modeller.simulate')}</Button>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {report && (
        <>
          <Steps size="small" direction="vertical" current={report.path.length - 1} items={report.path.map((step) => ({ title: step.name || step.stepId, description: step.queue ? t('modeller.inQueue', { queue: step.queue }) : undefined }))} />
          {report.stopped && <Alert type="info" showIcon title={t('modeller.stopped', { reason: report.stopped })} />}
          {report.resolution && <Alert type="success" showIcon title={t('modeller.resolvedAs', { resolution: report.resolution })} />}
        </>
      )}
    </Card>
  );
}
