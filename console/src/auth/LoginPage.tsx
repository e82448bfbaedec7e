import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { describeError } from '../api/errors';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/i18n';
import { useAuth } from './auth';

interface Credentials {
  login: string;
  password: string;
}

export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, signIn } = useAuth();
  const location = useLocation();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  const submit = async ({ login, password }: Credentials) => {
    setBusy(true);
    setFailure(null);
    try {
      await signIn(login, password);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card" title={<Typography.Title level={3} style={{ margin: 0 }}>{t('login.title')}</Typography.Title>} extra={<LanguageSwitch />}>
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('common.required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {failure !== null && <Alert type="error" showIcon role="alert" title={describeError(failure, i18n)} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
