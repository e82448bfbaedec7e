import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './modeller.css';
import { App, Alert, Button, Col, Flex, List, Row, Select, Space, Tag, Typography } from 'antd';
import Modeler from 'bpmn-js/lib/Modeler';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getText, post, put } from '../../../api/client';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { useRemote } from '../../../api/hooks';
import type { Page, Queue, RouteCheck, RouteDraft, RouteSummary, RouteVersion, RouteVersionSummary } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import docketDescriptor from '../../../../../workflows/docket.moddle.json';
import { useTopicRuleContext } from '../../admin/topics/topic-context';
import type { BpmnServices, DiagramElement } from './bpmn-services';
import { ElementRegistry, Issue, issuesOf, Overlays, pinIssues } from './diagram-issues';
import { docketPaletteModule, PaletteTitles } from './docket-palette';
import { newRouteBpmn } from './new-route-bpmn';
import { PropertiesPanel } from './PropertiesPanel';
import { SimulationPanel } from './SimulationPanel';
import { VersionsPanel } from './VersionsPanel';
import { MigrationPanel } from './MigrationPanel';

/** The BPMN modeller of one route: draw, edit Docket's extension, save a draft, validate, publish, simulate. */
export default function RouteModeller({ route, onChanged }: { route: RouteSummary; onChanged(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const container = useRef<HTMLDivElement>(null);
  const modeler = useRef<Modeler | null>(null);
  const [selected, setSelected] = useState<DiagramElement | null>(null);
  const [, setRevision] = useState(0);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const versions = useRemote<RouteVersionSummary[]>(`/routes/${route.id}/versions`);
  const [shown, setShown] = useState<number | null>(route.draftVersion ?? route.publishedVersion);
  const queues = useRemote<Page<Queue>>('/queues', { pageSize: 200 });
  const context = useTopicRuleContext();
  const shownState = versions.data?.find((version) => version.version === shown)?.state ?? 'draft';

  const service = useCallback(<T,>(name: string) => modeler.current!.get(name) as T, []);
  const services = (): BpmnServices => ({ modeling: service('modeling'), moddle: service('moddle') });
  /** With nothing selected the panel edits the route itself (the process); not before a diagram is loaded. */
  const routeElement = () => {
    const root = service<{ getRootElement(): DiagramElement | undefined }>('canvas').getRootElement();
    return root?.type === 'bpmn:Process' ? root : null;
  };

  useEffect(() => {
    const titles: PaletteTitles = {
      hand: t('modeller.palette.hand'), lasso: t('modeller.palette.lasso'), connect: t('modeller.palette.connect'), start: t('modeller.palette.start'),
      userTask: t('modeller.palette.userTask'), automatic: t('modeller.palette.automatic'), timer: t('modeller.palette.timer'), exclusive: t('modeller.palette.exclusive'),
      parallel: t('modeller.palette.parallel'), children: t('modeller.palette.children'), end: t('modeller.palette.end'),
    };
    const instance = new Modeler({ container: container.current!, moddleExtensions: { docket: docketDescriptor }, additionalModules: [docketPaletteModule], docketPalette: titles } as ConstructorParameters<typeof Modeler>[0]);
    modeler.current = instance;
    instance.on('selection.changed', (event: { newSelection: DiagramElement[] }) => setSelected(event.newSelection.length === 1 ? event.newSelection[0] : null));
    instance.on('elements.changed', () => setRevision((value) => value + 1));
    return () => instance.destroy();
    // The modeller is created once per route; language changes apply on the next visit.
  }, [route.id]);

  useEffect(() => {
    let current = true;
    const load = shown === null ? Promise.resolve(newRouteBpmn(route.code, route.name)) : getText(`/routes/${route.id}/versions/${shown}/bpmn`);
    load
      .then(async (xml) => {
        if (!current || !modeler.current) return;
        await modeler.current.importXML(xml);
        (service<{ zoom(level: string): void }>('canvas')).zoom('fit-viewport');
        setIssues([]);
        setProblem(null);
      })
      .catch((error: unknown) => current && setProblem(describeError(error, i18n)));
    return () => {
      current = false;
    };
  }, [shown, route.id, route.code, route.name, service, i18n]);

  const show = (found: Issue[]) => {
    setIssues(found);
    pinIssues(service<Overlays>('overlays'), service<ElementRegistry>('elementRegistry'), found);
  };

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      const details = error instanceof ApiError ? error.details : [];
      if (details.length) show(details.map((detail) => ({ level: 'error', path: detail.path, message: detail.message })));
      setProblem(describeError(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  const saveDraft = async (): Promise<number> => {
    const { xml } = await modeler.current!.saveXML({ format: true });
    const draft = await put<RouteDraft>(`/routes/${route.id}/draft`, { bpmn: xml });
    show(draft.warnings.map((warning) => ({ level: 'warning', path: warning.path, message: warning.message })));
    versions.reload();
    onChanged();
    setShown(draft.version);
    return draft.version;
  };

  const validate = () =>
    act(async () => {
      const version = await saveDraft();
      const check = await post<RouteCheck>(`/routes/${route.id}/versions/${version}/validate`);
      show(issuesOf(check));
      void message.info(check.ok ? t('modeller.valid') : t('modeller.invalid', { count: check.errors.length }));
    });

  const publish = () =>
    act(async () => {
      const version = await saveDraft();
      const published = await post<RouteVersion>(`/routes/${route.id}/versions/${version}/publish`);
      show([]);
      versions.reload();
      onChanged();
      void message.success(t('modeller.published', { version: published.version }));
    });

  const exportXml = async () => {
    const { xml } = await modeler.current!.saveXML({ format: true });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([xml ?? ''], { type: 'application/xml' }));
    link.download = `${route.code}.bpmn`;
    link.click();
  };

  const importXml = (file: File) =>
    act(async () => {
      await modeler.current!.importXML(await file.text());
      show([]);
    });

  const readOnly = shownState !== 'draft';
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Select aria-label={t('modeller.version')} style={{ minWidth: 220 }} value={shown} onChange={setShown} placeholder={t('modeller.newDraft')}
            options={(versions.data ?? []).map((version) => ({ value: version.version, label: `${t('modeller.versionN', { version: version.version })} — ${t(`modeller.state.${version.state}`)}` }))} />
          {readOnly && <Tag color="blue">{t('modeller.frozenHint')}</Tag>}
        </Space>
        <Space wrap>
          <Button onClick={() => act(async () => { await saveDraft(); void message.success(t('modeller.draftSaved')); })} loading={busy}>{t('modeller.saveDraft')}</Button>
          <Button onClick={validate} loading={busy}>{t('modeller.validate')}</Button>
          <Button type="primary" onClick={publish} loading={busy}>{t('modeller.publish')}</Button>
          <Button onClick={exportXml}>{t('modeller.export')}</Button>
          <label className="ant-btn ant-btn-default" style={{ cursor: 'pointer', padding: '4px 15px' }}>
            {t('modeller.import')}
            <input type="file" accept=".bpmn,.xml" hidden onChange={(event) => event.target.files?.[0] && importXml(event.target.files[0])} />
          </label>
        </Space>
      </Flex>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Row gutter={12}>
        <Col span={16}>
          <div ref={container} className="docket-modeller-canvas" data-testid="bpmn-canvas" />
          {issues.length > 0 && (
            <List size="small" aria-label={t('modeller.issues')} dataSource={issues} style={{ marginTop: 8 }}
              renderItem={(issue) => (
                <List.Item>
                  <Typography.Text type={issue.level === 'error' ? 'danger' : 'warning'}>{issue.message}</Typography.Text>
                </List.Item>
              )} />
          )}
          {shown !== null && <SimulationPanel routeId={route.id} version={shown} sample={context.sample} service={service} />}
          <VersionsPanel routeId={route.id} versions={versions.data ?? []} />
          <MigrationPanel routeId={route.id} versions={versions.data ?? []} />
        </Col>
        <Col span={8}>
          {modeler.current && (
            <PropertiesPanel element={selected ?? routeElement()} services={services()} schema={context.schema} sample={context.sample}
              queues={(queues.data?.items ?? []).map((queue) => queue.code)} attributes={context.attributes.map((attribute) => attribute.code)} />
          )}
        </Col>
      </Row>
    </Flex>
  );
}
