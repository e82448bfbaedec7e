import { HomeOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, MenuProps, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from '../components/notifications/NotificationBell';
import { useI18n } from '../i18n/i18n';
import { PAGES, SECTION_TITLES } from '../pages';

function useMenuItems(): MenuProps['items'] {
  const { t } = useI18n();
  const { can } = useAuth();
  const allowed = PAGES.filter((page) => can(page.permission));
  const sections = [...new Set(allowed.map((page) => page.section))];
  return [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    ...sections.map((section) => ({
      type: 'group' as const,
      key: section,
      label: t(SECTION_TITLES[section]),
      children: allowed
        .filter((page) => page.section === section)
        .map((page) => ({ key: `/${page.path}`, icon: page.icon, label: <Link to={`/${page.path}`}>{t(page.title)}</Link> })),
    })),
  ];
}

/** The signed-in frame: a sidebar of what the user may open, the user, the language, sign-out. */
export function Shell() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const location = useLocation();
  const items = useMenuItems();
  const selected = PAGES.find((page) => location.pathname.startsWith(`/${page.path}`));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={232}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <nav aria-label="main">
          <Menu mode="inline" items={items} selectedKeys={[selected ? `/${selected.path}` : location.pathname]} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: 'transparent', paddingInline: 24 }}>
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            <NotificationBell />
            <Typography.Text type="secondary" data-testid="current-user">
              {t('shell.signedInAs', { name: user?.name ?? '' })}
            </Typography.Text>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('shell.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: '0 24px 24px' }}>
          <main>
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
