import { PASSWORD_MIN_LENGTH } from '../../../../core/auth/password-policy';
import type { MessageKey } from '../../../i18n/vi';

/**
 * The server's policy (core/auth/password-policy), checked here too so people see the
 * problem in their own language before they submit.
 */
export function passwordProblem(password: string, username?: string): MessageKey | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'users.passwordTooShort';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'users.passwordNeedsLetterDigit';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'users.passwordHasUsername';
  return null;
}
