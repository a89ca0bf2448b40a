import { Alert, Button, Divider } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router';
import { OIDC_ERROR_CODES, type TOidcErrorCode } from '../../../contracts/oidc';
import { OIDC_START_URL, useOidcStatus } from '../../api/oidc';
import { useLoginText } from './messages';

/**
 * "Đăng nhập bằng tài khoản tỉnh", shown only when the deployment configured its OpenID
 * provider; and, when the provider sent the person back refused, why (?oidc_error=…).
 */
export function ProvinceSignIn() {
  const t = useLoginText();
  const status = useOidcStatus();
  const code = new URLSearchParams(useLocation().search).get('oidc_error');
  const error = (OIDC_ERROR_CODES as readonly string[]).includes(code ?? '') ? (code as TOidcErrorCode) : undefined;
  return (
    <>
      {error ? <Alert role="alert" data-testid="oidc-error" type="error" showIcon title={t('oidc.failedTitle')} description={t(`oidc.error.${error}`)} style={{ marginTop: 16 }} /> : null}
      {status.data?.enabled ? (
        <>
          <Divider plain>{t('oidc.or')}</Divider>
          <Button block size="large" icon={<SafetyCertificateOutlined />} href={OIDC_START_URL} data-testid="oidc-login">
            {t('oidc.button')}
          </Button>
        </>
      ) : null}
    </>
  );
}
