import { API_TOKEN_SCOPES } from '../../../core/auth/api-scopes';

/** How another system authenticates, as /api/docs tells a client generator. */
export const BEARER_SCHEME = {
  bearer: {
    type: 'http' as const,
    scheme: 'bearer',
    description:
      'Mã truy cập API do quản trị cấp (Authorization: Bearer hd_…). Không cần x-csrf-token. ' +
      `Mỗi mã có vai trò, đơn vị và phạm vi (${API_TOKEN_SCOPES.join(', ')}; ghi bao gồm đọc); ` +
      'quản trị (người dùng, nhật ký, sao lưu, mã truy cập) không bao giờ dùng được bằng mã. ' +
      '401: mã sai, hết hạn hoặc đã thu hồi; 403: ngoài phạm vi.',
  },
};
