import { Card, Col, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { PAGES } from '../pages';

/** The first page after sign-in: the sections this user may open. */
export default function HomePage() {
  const { t } = useI18n();
  const { user, can } = useAuth();
  const allowed = PAGES.filter((page) => can(page.permission));
  return (
    <>
      <Typography.Title level={2}>{t('home.welcome', { name: user?.name ?? '' })}</Typography.Title>
      {allowed.length === 0 ? (
        <Empty description={t('home.nothing')} />
      ) : (
        <>
          <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {allowed.map((page) => (
              <Col key={page.path} xs={24} sm={12} lg={8}>
                <Link to={`/${page.path}`}>
                  <Card hoverable size="small">
                    <Typography.Text strong>
                      {page.icon} {t(page.title)}
                    </Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
