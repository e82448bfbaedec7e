import { Segmented } from 'antd';
import { Locale, LOCALES, useI18n } from '../i18n/i18n';

const LABELS: Record<Locale, string> = { en: 'EN', ru: 'RU' };

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('common.language')}
      size="small"
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((value) => ({ value, label: LABELS[value] }))}
    />
  );
}
