/** Password policy: at least 10 characters, with letters and digits, not the user name. */
export const PASSWORD_MIN_LENGTH = 10;

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`);
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) problems.push('Mật khẩu phải có cả chữ và số');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('Mật khẩu không được chứa tên đăng nhập');
  if (password.length > 200) problems.push('Mật khẩu quá dài (tối đa 200 ký tự)');
  return problems;
}
