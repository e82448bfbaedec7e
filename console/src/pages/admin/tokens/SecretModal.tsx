import { Alert, Button, Modal, Typography } from 'antd';
import type { IssuedToken } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';

/** The only time the secret is shown: Docket keeps just its hash. */
export function SecretModal({ token, onClose }: { token: IssuedToken; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={t('tokens.secretTitle', { name: token.name })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} autoFocus>
          {t('tokens.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.secretHint')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: token.secret }} code data-testid="token-secret">
        {token.secret}
      </Typography.Paragraph>
    </Modal>
  );
}
