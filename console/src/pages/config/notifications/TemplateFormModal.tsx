import { AutoComplete, Collapse, Flex, Form, Input, Select, Typography } from 'antd';
import { patch, post } from '../../../api/client';
import { FormModal } from '../../../components/FormModal';
import { useI18n } from '../../../i18n/i18n';
import type { TemplateInput, TemplateRecord, TemplateVariables } from '../types';
import { ActiveField } from '../entry-fields';

interface Props {
  template?: TemplateRecord;
  catalog?: TemplateVariables;
  onClose(): void;
  onSaved(): void;
}

/** Subject, HTML and text of one template in one language; the server's syntax check lands under the field it concerns. */
export function TemplateFormModal({ template, catalog, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<TemplateInput>();
  const required = [{ required: true, message: t('common.required') }];

  const save = async ({ code, language, ...changes }: TemplateInput) => {
    if (template) await patch(`/notification-templates/${template.id}`, changes);
    else await post('/notification-templates', { code, language, ...changes });
    onSaved();
  };

  const initialValues: Partial<TemplateInput> = template
    ? { name: template.name, subject: template.subject, html: template.html, text: template.text, active: template.active }
    : { language: catalog?.languages[0] ?? 'en', active: true };

  return (
    <FormModal<TemplateInput>
      width={860}
      title={template ? t('templates.edit', { code: template.code, language: template.language }) : t('templates.create')}
      form={form}
      initialValues={initialValues}
      onSubmit={save}
      onClose={onClose}
    >
      {!template && (
        <Flex gap={16}>
          <Form.Item name="code" label={t('templates.event')} rules={required} style={{ flex: 1 }}>
            <AutoComplete autoFocus options={(catalog?.events ?? []).map((event) => ({ value: event }))} />
          </Form.Item>
          <Form.Item name="language" label={t('templates.language')} rules={required}>
            <Select style={{ width: 120 }} options={(catalog?.languages ?? ['en', 'ru']).map((language) => ({ value: language, label: language }))} />
          </Form.Item>
        </Flex>
      )}
      <Form.Item name="name" label={t('config.name')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="subject" label={t('templates.subject')} rules={required}>
        <Input autoFocus={Boolean(template)} />
      </Form.Item>
      <Form.Item name="html" label={t('templates.html')} rules={required}>
        <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="text" label={t('templates.text')} rules={required}>
        <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <ActiveField />
      {catalog && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'variables',
              label: t('templates.variables'),
              children: (
                <Flex vertical gap={2}>
                  {Object.entries(catalog.variables).map(([name, description]) => (
                    <Typography.Text key={name}>
                      <Typography.Text code copyable={{ text: `{{${name}}}` }}>{`{{${name}}}`}</Typography.Text> {description}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </FormModal>
  );
}
