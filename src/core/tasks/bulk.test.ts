import { describe, expect, it } from 'vitest';
import { bulkMessage } from './bulk';

describe('bulkMessage', () => {
  it('says what changed and what another user changed meanwhile', () => {
    expect(bulkMessage('extend', 12, ['stale'])).toBe('Đã gia hạn 12 nhiệm vụ; 1 nhiệm vụ đã bị người khác sửa, chưa đổi');
  });
  it('counts each reason once, in a fixed order, with Vietnamese thousands', () => {
    expect(bulkMessage('close', 1200, ['done', 'stale', 'done'])).toBe('Đã đóng 1.200 nhiệm vụ; 1 nhiệm vụ đã bị người khác sửa, chưa đổi; 2 nhiệm vụ đã hoàn thành, chưa đổi');
  });
  it('says so when nothing changed', () => {
    expect(bulkMessage('reassign', 0, ['same_lead'])).toBe('Không nhiệm vụ nào được đổi; 1 nhiệm vụ đã do đơn vị này chủ trì');
  });
});
