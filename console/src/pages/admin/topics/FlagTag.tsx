import { Tag } from 'antd';
import type { FlagSetting } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';

/** A flag setting in a table cell: yes, no, by rule, or left to the level above. */
export function FlagTag({ setting }: { setting: FlagSetting | null }) {
  const { t } = useI18n();
  if (setting === null) return <Tag variant="outlined">{t('flag.inherited')}</Tag>;
  if (setting === true) return <Tag color="blue">{t('flag.yes')}</Tag>;
  if (setting === false) return <Tag>{t('flag.no')}</Tag>;
  return <Tag color="purple">{t('flag.rule')}</Tag>;
}
