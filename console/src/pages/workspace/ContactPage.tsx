import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Form, Result, Row, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { post } from '../../api/client';
import { useRemote } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/i18n';
import { valuesForCreate, type FieldSpec } from './attribute-values';
import { ClientSearch } from './ClientSearch';
import { placeErrors } from './field-errors';
import { plainToHtml } from './plain-text';
import { RequestDraft } from './RequestDraft';
import { topicTree } from './topic-tree';
import type { PersonView } from '../../../../server/src/directory/people/people.service';
import type { Page, Wire } from '../../api/types';
import type { ContactInput, ContactTemplate, Registered, TopicCatalogNode } from './types';

interface DraftValues {
  topicId?: number;
  type?: ContactInput['requests'][number]['type'];
  impact?: number;
  urgency?: number;
  subject?: string;
  description?: string;
  attributes?: Record<string, unknown>;
}

interface ContactValues {
  templateId?: number;
  placeId?: number;
  clientId?: number | null;
  contactPersonId?: number | null;
  requests: DraftValues[];
}

const REQUEST_FIELDS = ['topicId', 'type', 'impact', 'urgency', 'subject', 'description', 'attributes'];

/** Registering a contact: the operator's template fills channel, direction and place; one or more requests inside it. */
export default function ContactPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<ContactValues>();
  const templates = useRemote<ContactTemplate[]>('/contact-templates/mine');
  const catalog = useRemote<TopicCatalogNode[]>('/topic-catalog');
  const templateId = Form.useWatch('templateId', form);
  const clientId = Form.useWatch('clientId', form);
  // Who at the client is calling: their address gets the request's mail.
  const persons = useRemote<Page<Wire<PersonView>>>(clientId ? '/contact-persons' : null, { clientId: clientId ?? undefined, pageSize: 200 });
  const template = templates.data?.find((candidate) => candidate.id === templateId) ?? templates.data?.[0];
  const specs = useRef(new Map<number, FieldSpec[]>());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [expandAll, setExpandAll] = useState(false);
  const [registered, setRegistered] = useState<Registered | null>(null);

  const newDraft = (): DraftValues => ({ type: 'incident', impact: 3, urgency: 3, topicId: template?.defaultTopicId ?? undefined });
  const topics = topicTree(catalog.data ?? [], template?.allowedTopicIds ?? []);

  const submit = async (values: ContactValues) => {
    setBusy(true);
    setProblem(null);
    const drafts = values.requests ?? [];
    const body: ContactInput = {
      ...(template ? { templateId: template.id } : {}),
      ...(values.placeId ? { placeId: values.placeId } : {}),
      ...(values.clientId ? { clientId: values.clientId } : {}),
      ...(values.clientId && values.contactPersonId ? { contactPersonId: values.contactPersonId } : {}),
      requests: drafts.map((draft, index) => ({
        topicId: draft.topicId!,
        type: draft.type!,
        impact: draft.impact!,
        urgency: draft.urgency!,
        subject: draft.subject!.trim(),
        description: plainToHtml(draft.description),
        attributes: valuesForCreate(specs.current.get(index) ?? [], draft.attributes),
      })),
    };
    try {
      setRegistered(await post<Registered>('/contacts', body));
    } catch (error) {
      const fields = ['templateId', 'placeId', 'clientId', 'contactPersonId', ...drafts.flatMap((_, index) => [...REQUEST_FIELDS.map((field) => `requests.${index}.${field}`), ...(specs.current.get(index) ?? []).map((spec) => `requests.${index}.attributes.${spec.code}`)])];
      setExpandAll(true);
      setProblem(placeErrors(form, error, i18n, fields) ?? t('workspace.fixFields'));
    } finally {
      setBusy(false);
    }
  };

  if (registered) {
    return (
      <Result
        status="success"
        title={t('workspace.registered', { count: registered.requests.length })}
        subTitle={
          <Space direction="vertical">
            {registered.requests.map((request) => (
              <Link key={request.id} to={`/workspace/requests?request=${request.id}`} data-testid="registered-request">
                {request.number} — {request.subject}
              </Link>
            ))}
          </Space>
        }
        extra={
          <Button type="primary" onClick={() => { setRegistered(null); specs.current.clear(); setExpandAll(false); form.resetFields(); }}>
            {t('workspace.registerAnother')}
          </Button>
        }
      />
    );
  }

  return (
    <>
      <PageHeader title={t('nav.contact')} />
      <ErrorAlert message={templates.error ?? catalog.error} onRetry={() => { templates.reload(); catalog.reload(); }} />
      {templates.data && !templates.data.length && <Alert type="info" showIcon title={t('workspace.noTemplate')} style={{ marginBottom: 16 }} />}
      {(templates.data && catalog.data) ? (
        <Form<ContactValues>
          form={form}
          layout="vertical"
          disabled={busy}
          onFinish={submit}
          onFinishFailed={() => setExpandAll(true)}
          onValuesChange={(changed: Partial<ContactValues>) => 'clientId' in changed && form.setFieldValue('contactPersonId', undefined)}
          initialValues={{ templateId: template?.id, placeId: template?.defaultPlace?.id ?? undefined, requests: [newDraft()] }}
        >
          <Card size="small" title={t('workspace.contact')} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              {templates.data.length > 1 && (
                <Col xs={24} md={8}>
                  <Form.Item name="templateId" label={t('workspace.template')}>
                    <Select options={templates.data.map((candidate) => ({ value: candidate.id, label: candidate.name }))} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} md={8}>
                <Form.Item name="placeId" label={t('workspace.place')}>
                  <Select allowClear options={(template?.allowedPlaces ?? []).map((place) => ({ value: place.id, label: place.name }))} aria-label={t('workspace.place')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="clientId" label={t('workspace.client')}>
                  <ClientSearch />
                </Form.Item>
              </Col>
              {clientId ? (
                <Col xs={24} md={8}>
                  <Form.Item name="contactPersonId" label={t('workspace.contactPerson')}>
                    <Select allowClear showSearch optionFilterProp="label" loading={persons.loading} options={(persons.data?.items ?? []).map((person) => ({ value: person.id, label: person.name }))} aria-label={t('workspace.contactPerson')} />
                  </Form.Item>
                </Col>
              ) : null}
            </Row>
            {template && (
              <Descriptions size="small" column={3} items={[
                { key: 'template', label: t('workspace.template'), children: template.name },
                { key: 'channel', label: t('workspace.channel'), children: template.channel?.name ?? t('common.none') },
                { key: 'direction', label: t('workspace.direction'), children: template.direction?.name ?? t('common.none') },
              ]} />
            )}
          </Card>
          <Form.List name="requests">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <RequestDraft
                    key={field.key}
                    index={index}
                    name={field.name}
                    topics={topics}
                    expandAll={expandAll}
                    onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
                    onSpecs={(loaded) => specs.current.set(index, loaded)}
                  />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add(newDraft())} style={{ marginBottom: 16 }}>
                  {t('workspace.addRequest')}
                </Button>
              </>
            )}
          </Form.List>
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('workspace.register')}
          </Button>
        </Form>
      ) : (
        !templates.error && !catalog.error && <Card loading />
      )}
    </>
  );
}
