import { Tabs, Typography } from 'antd';
import { formatInstant } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import type { ExternalRecord, QueryRecord } from '../types';
import { CatalogTable } from './CatalogTable';
import { ExternalFormModal } from './ExternalFormModal';
import { LocalDictionaries } from './LocalDictionaries';
import { QueryFormModal } from './QueryFormModal';

/** Dictionaries kept here, dictionaries read from other systems, and the SELECTs that feed dynamic lists. */
export default function DictionariesPage() {
  const { t, locale } = useI18n();
  return (
    <>
      <PageHeader title={t('nav.dictionaries')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'local', label: t('dictionaries.tab.local'), children: <LocalDictionaries /> },
          {
            key: 'external',
            label: t('dictionaries.tab.external'),
            children: (
              <CatalogTable<ExternalRecord>
                path="/external-dictionaries"
                createText={t('external.create')}
                extraColumns={[
                  { title: t('external.kind'), key: 'kind', render: (_, row) => row.source.kind.toUpperCase() },
                  { title: t('external.fetchedAt'), dataIndex: 'fetchedAt', render: (value: string | null) => formatInstant(value, locale) },
                  { title: t('external.lastError'), dataIndex: 'lastError', render: (value: string | null) => (value ? <Typography.Text type="danger">{value}</Typography.Text> : t('common.none')) },
                ]}
                editor={(record, close, saved) => <ExternalFormModal record={record} onClose={close} onSaved={saved} />}
              />
            ),
          },
          {
            key: 'queries',
            label: t('dictionaries.tab.queries'),
            children: (
              <CatalogTable<QueryRecord>
                path="/dynamic-queries"
                createText={t('queries.create')}
                editor={(record, close, saved) => <QueryFormModal record={record} onClose={close} onSaved={saved} />}
              />
            ),
          },
        ]}
      />
    </>
  );
}
