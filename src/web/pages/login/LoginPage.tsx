import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { login } from '../../api/auth';
import { ApiError } from '../../api/client';
import { resetSessionCache, useSessionQuery } from '../../auth/session';
import { LanguageToggle } from '../../components/LanguageToggle';
import { LighthouseIcon } from '../../components/LighthouseIcon';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { ProvinceSignIn } from './ProvinceSignIn';
import { useSetupStatus } from '../../api/setup';

interface LoginForm {
  username: string;
  password: string;
}

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

/** Username and password; the server's own message when it refuses, the lockout shown as such. */
export function LoginPage() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const expired = (location.state as { expired?: unknown } | null)?.expired === true;
  const [form] = Form.useForm<LoginForm>();

  const mutation = useMutation({
    mutationFn: (v: LoginForm) => login(v.username.trim(), v.password),
    onSuccess: (s) => {
      resetSessionCache(queryClient, s);
      navigate(returnPath(location.state), { replace: true });
    },
    onError: () => form.setFieldValue('password', ''),
  });

  const setup = useSetupStatus();
  if (session.data && !mutation.isPending) return <Navigate to={returnPath(location.state)} replace />;
  // An empty install has nobody to sign in yet: its first administrator starts at the setup screen.
  if (setup.data?.open) return <Navigate to="/setup" replace />;

  const err = mutation.error;
  const locked = err instanceof ApiError && err.status === 429;

  return (
    <div className="hd-login">
      <section className="hd-login-hero">
        <div>
          <LighthouseIcon size={72} />
          <h1>{t('app.name')}</h1>
          <p>{t('app.tagline')}</p>
        </div>
        <p style={{ fontSize: 14 }}>{t('home.intro')}</p>
      </section>
      <section className="hd-login-panel">
        <div className="hd-login-card">
          <div className="hd-login-lang">
            <LanguageToggle />
          </div>
          <Card variant="borderless" styles={{ body: { padding: 32 } }}>
            <Typography.Title level={2} style={{ marginTop: 0 }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>

            {expired && !err ? <Alert type="info" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} /> : null}
            {err ? (
              <Alert
                role="alert"
                data-testid="login-error"
                type={locked ? 'warning' : 'error'}
                showIcon
                icon={locked ? <LockOutlined /> : undefined}
                title={locked ? t('login.lockedTitle') : t('login.failedTitle')}
                description={errorText(err, t)}
                style={{ marginBottom: 16 }}
              />
            ) : null}

            <Form<LoginForm>
              form={form}
              layout="vertical"
              size="large"
              requiredMark={false}
              onFinish={(v) => mutation.mutate(v)}
              disabled={mutation.isPending}
            >
              <Form.Item
                name="username"
                label={t('login.username')}
                rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('login.username').toLowerCase() }) }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[{ required: true, message: t('common.required', { field: t('login.password').toLowerCase() }) }]}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
                {t('login.submit')}
              </Button>
            </Form>
            <ProvinceSignIn />
          </Card>
        </div>
      </section>
    </div>
  );
}
