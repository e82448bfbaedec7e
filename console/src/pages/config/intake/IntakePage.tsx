import { Tabs } from 'antd';
import { useRemote } from '../../../api/hooks';
import type { Page, TopicNode } from '../../../api/types';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/i18n';
import { CatalogTable } from '../dictionaries/CatalogTable';
import type { CodedEntry, ContactTemplateRecord, PlaceRecord } from '../types';
import { CodedEntryFormModal } from './CodedEntryFormModal';
import { ContactPlaces } from './ContactPlaces';
import { ContactTemplateFormModal } from './ContactTemplateFormModal';
import { Mailboxes } from './Mailboxes';

const CODED_LISTS = [
  { path: '/place-kinds', tab: 'intake.tab.kinds', create: 'intake.kind.create' },
  { path: '/channels', tab: 'intake.tab.channels', create: 'intake.channel.create' },
  { path: '/directions', tab: 'intake.tab.directions', create: 'intake.direction.create' },
] as const;

/** Where contacts come from and how the operator's form starts: places, kinds, channels, directions, templates, and the mailboxes mail comes in through. */
export default function IntakePage() {
  const { t } = useI18n();
  const places = useRemote<PlaceRecord[]>('/contact-places');
  const kinds = useRemote<Page<CodedEntry>>('/place-kinds', { pageSize: 200 });
  const channels = useRemote<Page<CodedEntry>>('/channels', { pageSize: 200 });
  const directions = useRemote<Page<CodedEntry>>('/directions', { pageSize: 200 });
  const topics = useRemote<Page<TopicNode>>('/topics', { pageSize: 200 });
  const lists = {
    places: places.data ?? [],
    kinds: kinds.data?.items ?? [],
    channels: channels.data?.items ?? [],
    directions: directions.data?.items ?? [],
    topics: topics.data?.items ?? [],
  };
  const reloadLists = () => [kinds, channels, directions].forEach((list) => list.reload());

  return (
    <>
      <PageHeader title={t('nav.intake')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'places', label: t('intake.tab.places'), children: <ContactPlaces places={lists.places} kinds={lists.kinds} error={places.error} reload={places.reload} /> },
          ...CODED_LISTS.map((list) => ({
            key: list.path,
            label: t(list.tab),
            children: (
              <CatalogTable<CodedEntry>
                path={list.path}
                createText={t(list.create)}
                extraColumns={[{ title: t('config.position'), dataIndex: 'position', width: 80 }]}
                editor={(entry, close, saved) => (
                  <CodedEntryFormModal
                    path={list.path}
                    entry={entry}
                    title={entry ? `${t(list.tab)}: ${entry.code}` : t(list.create)}
                    onClose={close}
                    onSaved={() => {
                      saved();
                      reloadLists();
                    }}
                  />
                )}
              />
            ),
          })),
          {
            key: 'templates',
            label: t('intake.tab.templates'),
            children: (
              <CatalogTable<ContactTemplateRecord>
                path="/contact-templates"
                createText={t('intake.template.create')}
                editor={(template, close, saved) => <ContactTemplateFormModal template={template} lists={lists} onClose={close} onSaved={saved} />}
              />
            ),
          },
          { key: 'mailboxes', label: t('intake.tab.mailboxes'), children: <Mailboxes lists={lists} /> },
        ]}
      />
    </>
  );
}
