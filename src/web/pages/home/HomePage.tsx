import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { LighthouseIcon } from '../../components/LighthouseIcon';
import { useI18n } from '../../i18n/I18nProvider';
import { roleKey } from '../../i18n/labels';
import { appRoutes, canSee } from '../../routes';
import { MyDay } from './MyDay';

/** Welcome card with the user's role and unit, then one card per capability they can open. */
export function HomePage() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const capabilities = appRoutes.filter((r) => r.path !== '/' && canSee(r, user));

  return (
    <div>
      <section className="hd-welcome" data-testid="welcome">
        <LighthouseIcon size={84} />
        <div>
          <h2>{t('home.welcome', { name: user.fullName })}</h2>
          <div className="hd-welcome-meta">
            <span>
              <b>{t('home.role')}</b>
              {t(roleKey(user.role))}
            </span>
            <span>
              <b>{t('home.unit')}</b>
              {user.unitName}
            </span>
          </div>
          <p>{t('home.intro')}</p>
        </div>
      </section>

      <MyDay />

      <Typography.Title level={3} style={{ color: '#0b2e4f' }}>
        {t('home.capabilities')}
      </Typography.Title>
      <Row gutter={[20, 20]}>
        {capabilities.map((r) => (
          <Col key={r.path} xs={24} sm={12} xl={8}>
            <Link to={r.path}>
              <Card className="hd-cap-card" hoverable>
                <div className="hd-cap-head">
                  <span className="hd-cap-icon">{r.icon}</span>
                  <span className="hd-cap-title">{t(r.labelKey)}</span>
                  {r.page ? null : (
                    <Tag color="default" style={{ marginLeft: 'auto' }}>
                      {t('coming.tag')}
                    </Tag>
                  )}
                </div>
                {r.descriptionKey ? <p className="hd-cap-desc">{t(r.descriptionKey)}</p> : null}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </div>
  );
}
