import type { TOidcErrorCode } from '../../../contracts/oidc';
import { usePageText } from '../../i18n/page-text';

/** Strings of the province sign-in on the login page; Vietnamese is the source. */
const vi: Record<'oidc.button' | 'oidc.or' | 'oidc.failedTitle' | `oidc.error.${TOidcErrorCode}`, string> = {
  'oidc.button': 'Đăng nhập bằng tài khoản tỉnh',
  'oidc.or': 'hoặc',
  'oidc.failedTitle': 'Chưa đăng nhập được bằng tài khoản tỉnh',
  'oidc.error.disabled': 'Hệ thống chưa được cấu hình đăng nhập bằng tài khoản tỉnh.',
  'oidc.error.provider': 'Không kết nối được hoặc không xác thực được với hệ thống tài khoản tỉnh. Hãy thử lại sau.',
  'oidc.error.expired': 'Lượt đăng nhập đã hết hạn hoặc đã được dùng. Hãy bấm đăng nhập lại.',
  'oidc.error.inactive': 'Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị hệ thống.',
  'oidc.error.unmapped': 'Tài khoản tỉnh này chưa được gắn với người dùng nào của Hải Đăng. Hãy liên hệ quản trị hệ thống.',
  'oidc.error.ambiguous': 'Địa chỉ thư điện tử của tài khoản tỉnh trùng với nhiều người dùng. Hãy liên hệ quản trị hệ thống.',
  'oidc.error.linked_elsewhere': 'Người dùng có địa chỉ thư điện tử này đã gắn với một tài khoản tỉnh khác.',
  'oidc.error.no_unit': 'Tài khoản tỉnh không nêu đơn vị có trong Hải Đăng, nên chưa thể tạo người dùng.',
  'oidc.error.no_role': 'Tài khoản tỉnh không nêu vai trò được phép, nên chưa thể tạo người dùng.',
};

const en: typeof vi = {
  'oidc.button': 'Sign in with the province account',
  'oidc.or': 'or',
  'oidc.failedTitle': 'Could not sign in with the province account',
  'oidc.error.disabled': 'Sign-in with the province account is not configured.',
  'oidc.error.provider': 'The province account service could not be reached or did not confirm the sign-in. Try again later.',
  'oidc.error.expired': 'The sign-in expired or was already used. Please start again.',
  'oidc.error.inactive': 'The account is disabled. Contact the administrator.',
  'oidc.error.unmapped': 'This province account is not linked to any Hải Đăng user. Contact the administrator.',
  'oidc.error.ambiguous': 'The province account e-mail matches several users. Contact the administrator.',
  'oidc.error.linked_elsewhere': 'The user with this e-mail is already linked to another province account.',
  'oidc.error.no_unit': 'The province account names no known unit, so no user could be created.',
  'oidc.error.no_role': 'The province account names no permitted role, so no user could be created.',
};

const CATALOGUES = { vi, en };
export const useLoginText = () => usePageText(CATALOGUES);
