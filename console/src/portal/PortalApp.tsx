import { LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Typography } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/i18n';
import { MyRequestsPage } from './MyRequestsPage';
import { NewRequestPage } from './NewRequestPage';
import { PortalRequestPage } from './PortalRequestPage';

/**
 * The customer portal under /portal: its own frame without the console's menu, loaded as its own chunk so
 * customers never download the modeller or the designer.
 */
export default function PortalApp() {
  const { t } = useI18n();
  const { user, can, signOut } = useAuth();
  const location = useLocation();
  if (!can('portal.use')) return <Navigate to="/" replace />;
  const selected = location.pathname.startsWith('/portal/new') ? '/portal/new' : '/portal';
  return (
    <Layout style={{ minHeight: '100vh' }} className="portal">
      <Layout.Header style={{ background: '#fff', paddingInline: 24, display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('portal.title')}
        </Typography.Title>
        <nav aria-label="portal" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            mode="horizontal"
            selectedKeys={[selected]}
            items={[
              { key: '/portal', label: <Link to="/portal">{t('portal.myRequests')}</Link> },
              { key: '/portal/new', label: <Link to="/portal/new">{t('portal.newRequest')}</Link> },
            ]}
          />
        </nav>
        <Flex align="center" gap={16}>
          <Typography.Text type="secondary" data-testid="current-user">
            {user?.name}
          </Typography.Text>
          <LanguageSwitch />
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('portal.signOut')}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1000, width: '100%', margin: '0 auto' }}>
        <Routes>
          <Route index element={<MyRequestsPage />} />
          <Route path="new" element={<NewRequestPage />} />
          <Route path="requests/:id" element={<PortalRequestPage />} />
          <Route path="*" element={<Navigate to="/portal" replace />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
