import { describe, expect, it } from 'vitest';
import { extractDirective } from './extract';
import { isContingency, isUpwardDocument, isUpwardLead } from './scope';

const header = (type: string, symbol: string): string =>
  `ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\n\nSố: ${symbol}\n\nNam Định, ngày 05 tháng 3 năm 2024\n\n${type}\nVề chuyển đổi số\n\n`;

describe('scope of a document', () => {
  it('takes reports and submissions as assigning nothing', () => {
    expect(isUpwardDocument('Báo cáo')).toBe(true);
    expect(isUpwardDocument('Tờ trình')).toBe(true);
    expect(isUpwardDocument('Kế hoạch')).toBe(false);
    const text = `${header('BÁO CÁO', '12/BC-UBND')}1. UBND tỉnh đã ban hành Kế hoạch số 5/KH-UBND; giao Sở Nội vụ hoàn thành trước ngày 30/6/2024.\n2. Đề nghị Sở Tài chính bổ sung kinh phí trong năm 2024.\n`;
    expect(extractDirective(text).assignments).toEqual([]);
  });

  it('reads a local letter asking a ministry as a request, not a task', () => {
    expect(isUpwardLead('Bộ Công an', 'Ủy ban nhân dân tỉnh Nam Định')).toBe(true);
    expect(isUpwardLead('Bộ Chỉ huy Quân sự tỉnh', 'Ủy ban nhân dân tỉnh Nam Định')).toBe(false);
    expect(isUpwardLead('Bộ Công an', 'Văn phòng Chính phủ')).toBe(false);
    const text = `${header('CÔNG VĂN', '40/UBND-KGVX')}1. Đề nghị Bộ Công an hỗ trợ kết nối dữ liệu trước ngày 31/3/2024.\n2. Sở Tư pháp chủ trì số hóa sổ hộ tịch trước ngày 30/4/2024.\n`;
    expect(extractDirective(text).assignments.map((a) => a.lead)).toEqual(['Sở Tư pháp']);
  });

  it('drops a fallback for difficulties and a courtesy closing', () => {
    expect(isContingency('Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị liên hệ Sở Nội vụ.')).toBe(true);
    expect(isContingency('Sở Nội vụ chủ trì rà soát.')).toBe(false);
    const text = `${header('CÔNG VĂN', '41/UBND-KGVX')}Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, đơn vị liên hệ Sở Nội vụ để được hướng dẫn.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.\n`;
    expect(extractDirective(text).assignments).toEqual([]);
  });
});

describe('rules met in the second held-out set', () => {
  const cv = (body: string): string => `${header('CÔNG VĂN', '42/UBND-KGVX')}${body}\n`;

  it('takes "Riêng X …" as X leading its own task', () => {
    const [a] = extractDirective(cv('Riêng UBND các xã, phường chỉ đạo Bộ phận Một cửa cập nhật trạng thái hồ sơ.')).assignments;
    expect(a?.lead).toBe('UBND các xã, phường');
  });

  it('keeps a business sector as part of a group lead', () => {
    const [a] = extractDirective(cv('Đề nghị các doanh nghiệp viễn thông trên địa bàn tỉnh phát triển hạ tầng 5G.')).assignments;
    expect(a?.lead).toBe('các doanh nghiệp viễn thông trên địa bàn tỉnh');
  });

  it('reads "sơ kết, đánh giá … hằng quý" as a quarterly duty', () => {
    const [a] = extractDirective(cv('Sở Nội vụ tham mưu UBND tỉnh sơ kết, đánh giá kết quả chuyển đổi số hằng quý.')).assignments;
    expect(a?.recurrence).toBe('quarterly');
  });
});
