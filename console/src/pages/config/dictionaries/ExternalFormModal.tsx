import { Alert, App, Button, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { ApiError, patch, post } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import { savingNested } from '../field-errors';
import type { ExternalInput, ExternalItems, ExternalRecord } from '../types';
import { ActiveField, CodeNameFields } from '../entry-fields';

type Values = ExternalInput;

/** The stored source without its kind, so settings the form does not show (headers, size limit) survive an edit. */
function storedSettings(record: ExternalRecord | undefined, kind: 'http' | 'sql'): object {
  if (!record || record.source.kind !== kind) return {};
  const { kind: _kind, ...settings } = record.source;
  return settings;
}

/** Source settings of an external dictionary; a saved one can be read once on demand to test it. */
export function ExternalFormModal({ record, onClose, onSaved }: { record?: ExternalRecord; onClose(): void; onSaved(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? record?.source.kind ?? 'http';
  const [testing, setTesting] = useState(false);
  const [testFailure, setTestFailure] = useState<string | null>(null);
  const required = [{ required: true, message: t('common.required') }];

  const save = ({ code, name, kind: chosen, http, sql, ttlSeconds, active }: Values) =>
    savingNested(form, i18n, async () => {
      const source =
        chosen === 'http'
          ? { http: { ...storedSettings(record, 'http'), ...http, parentField: http?.parentField || null } }
          : { sql: { ...storedSettings(record, 'sql'), ...sql, parentColumn: sql?.parentColumn || null } };
      const fields = { name, kind: chosen, ...source, ttlSeconds, active };
      if (record) await patch(`/external-dictionaries/${record.id}`, fields);
      else await post('/external-dictionaries', { code, ...fields });
      onSaved();
    });

  const test = async () => {
    if (!record) return;
    setTesting(true);
    setTestFailure(null);
    try {
      const result = await post<ExternalItems>(`/external-dictionaries/${record.id}/refresh`);
      void message.success(t('external.testOk', { count: result.items.length }));
    } catch (error) {
      // The source's own reason is what the administrator needs here; it is an answer of the source, not a server fault.
      const reason = error instanceof ApiError && error.code === 'external_source_failed' ? error.details[0]?.message : undefined;
      setTestFailure(reason ? t('external.testFailed', { reason }) : describeError(error, i18n));
    } finally {
      setTesting(false);
    }
  };

  const source = record?.source;
  const initialValues: Partial<Values> = record
    ? {
        name: record.name,
        kind: source?.kind,
        ttlSeconds: record.ttlSeconds,
        active: record.active,
        [source?.kind ?? 'http']: storedSettings(record, source?.kind ?? 'http'),
      }
    : { kind: 'http', ttlSeconds: 3600, active: true };

  return (
    <FormModal<Values> width={640} title={record ? t('external.edit', { code: record.code }) : t('external.create')} form={form} initialValues={initialValues} onSubmit={save} onClose={onClose}>
      <CodeNameFields creating={!record} />
      <Form.Item name="kind" label={t('external.kind')}>
        <Radio.Group options={[{ value: 'http', label: 'HTTP' }, { value: 'sql', label: 'SQL' }]} optionType="button" />
      </Form.Item>
      {kind === 'http' ? (
        <>
          <Form.Item name={['http', 'url']} label={t('external.url')} rules={required}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name={['http', 'itemsPath']} label={t('external.itemsPath')}>
            <Input />
          </Form.Item>
          <Form.Item name={['http', 'codeField']} label={t('external.codeField')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name={['http', 'nameField']} label={t('external.nameField')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name={['http', 'parentField']} label={t('external.parentField')}>
            <Input />
          </Form.Item>
          <Form.Item name={['http', 'timeoutMs']} label={t('external.timeout')}>
            <InputNumber min={100} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name={['sql', 'connection']} label={t('external.connection')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name={['sql', 'query']} label={t('external.query')} rules={required}>
            <Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name={['sql', 'codeColumn']} label={t('external.codeColumn')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name={['sql', 'nameColumn']} label={t('external.nameColumn')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name={['sql', 'parentColumn']} label={t('external.parentColumn')}>
            <Input />
          </Form.Item>
          <Form.Item name={['sql', 'timeoutMs']} label={t('external.timeout')}>
            <InputNumber min={100} />
          </Form.Item>
        </>
      )}
      <Form.Item name="ttlSeconds" label={t('external.ttl')}>
        <InputNumber min={0} max={604800} />
      </Form.Item>
      <ActiveField />
      {record && (
        <Form.Item>
          <Button onClick={() => void test()} loading={testing}>
            {t('external.test')}
          </Button>
        </Form.Item>
      )}
      {testFailure && <Alert type="warning" showIcon role="alert" title={testFailure} style={{ marginBottom: 16 }} />}
    </FormModal>
  );
}
