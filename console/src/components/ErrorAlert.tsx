import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/i18n';

/** A failed load, said in words, with a way to try again. */
export function ErrorAlert({ message, onRetry }: { message: string | null; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!message) return null;
  const action = onRetry && (
    <Button size="small" onClick={onRetry}>
      {t('common.reload')}
    </Button>
  );
  return <Alert type="error" showIcon role="alert" title={message} action={action} style={{ marginBottom: 16 }} />;
}
