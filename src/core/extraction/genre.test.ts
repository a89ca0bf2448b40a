import { describe, expect, it } from 'vitest';
import { extractDirective, toGoldFormat } from './extract';

/** Sentences written the way provinces other than the seeds' write them (issue 10). */
const read = (lines: string[]) => toGoldFormat(extractDirective(lines.join('\n'), { documentDate: '2025-09-10' })).assignments;
const leads = (lines: string[]) => read(lines).map((a) => a.lead);

describe('the genre, not one city', () => {
  it('gives each body after "Giao Giám đốc:" its own assignment with the shared coordinator', () => {
    const got = read(['Giao Giám đốc: Sở Tài chính, Sở Xây dựng, Đài Phát thanh - Truyền hình Lào Cai phối hợp với Công an tỉnh tiếp tục rà soát hạ tầng số, hoàn thành trước ngày 30/10/2025.']);
    expect(got.map((a) => [a.lead, a.coordinators, a.deadline])).toEqual([
      ['Sở Tài chính', ['Công an tỉnh'], '2025-10-30'],
      ['Sở Xây dựng', ['Công an tỉnh'], '2025-10-30'],
      ['Đài Phát thanh - Truyền hình Lào Cai', ['Công an tỉnh'], '2025-10-30'],
    ]);
  });

  it('splits lead phrases joined by ";" or "và", and keeps a comma list of groups as one', () => {
    expect(leads(['Yêu cầu Thủ trưởng các cơ quan, đơn vị thuộc tỉnh; Chủ tịch UBND các huyện, thành phố khẩn trương rà soát dữ liệu.'])).toEqual([
      'Thủ trưởng các cơ quan, đơn vị thuộc tỉnh',
      'Chủ tịch UBND các huyện, thành phố',
    ]);
    expect(leads(['Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố quyết liệt thực hiện Đề án 06.'])).toEqual([
      'Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố',
    ]);
  });

  it('reads unit types of any province, after the 2025 reform too', () => {
    expect(leads(['UBND tỉnh yêu cầu UBND các xã, phường, đặc khu cập nhật hồ sơ trực tuyến hằng tháng.'])).toEqual(['UBND các xã, phường, đặc khu']);
    expect(leads(['Đề nghị các doanh nghiệp cung cấp dịch vụ viễn thông bảo đảm thông tin liên lạc.'])).toEqual([
      'các doanh nghiệp cung cấp dịch vụ viễn thông',
    ]);
    expect(leads(['Đặc biệt đối với VNPT Lào Cai và Viettel Lào Cai triển khai lắp đặt đường truyền cho các xã.'])).toEqual(['VNPT Lào Cai', 'Viettel Lào Cai']);
    expect(leads(['UBND tỉnh yêu cầu Sở Văn hóa, Thể thao và Du lịch chủ trì kiểm tra các lễ hội.'])).toEqual(['Sở Văn hóa, Thể thao và Du lịch']);
    expect(leads(['Giao Sở KH-CN chủ trì hướng dẫn chuyển đổi số cấp xã.'])).toEqual(['Sở KH-CN']);
  });

  it('reads portal restatements: the passive, "văn bản nêu:", "Đối với …," and a second subject', () => {
    expect(leads(['Văn phòng UBND tỉnh được giao hoàn thiện hệ thống thông tin báo cáo.'])).toEqual(['Văn phòng UBND tỉnh']);
    expect(leads(['Văn bản nêu: Sở Nội vụ chủ trì rà soát vị trí việc làm cấp xã.'])).toEqual(['Sở Nội vụ']);
    expect(leads(['Đối với các cơ quan báo chí, tăng cường tuyên truyền về dịch vụ công trực tuyến.'])).toEqual(['các cơ quan báo chí']);
    expect(leads(['Công an tỉnh bảo đảm an ninh mạng, trong khi Sở Khoa học và Công nghệ chủ trì ứng dụng dữ liệu.'])).toEqual([
      'Công an tỉnh',
      'Sở Khoa học và Công nghệ',
    ]);
  });

  it('gives the items of a letter that names nobody to its addressees', () => {
    const got = read([
      'Kính gửi:',
      '- Các sở, ban, ngành tỉnh;',
      '- UBND các xã, phường.',
      '',
      'Để kịp thời tổng hợp số liệu, UBND tỉnh đề nghị thực hiện một số nội dung sau:',
      'a) Cập nhật số liệu chuyển đổi số trước ngày 15/10/2025.',
      'b) Cử cán bộ đầu mối phụ trách chuyển đổi số.',
    ]);
    expect(got.map((a) => [a.lead, a.deadline])).toEqual([
      ['Các sở, ban, ngành tỉnh', '2025-10-15'],
      ['UBND các xã, phường', '2025-10-15'],
      ['Các sở, ban, ngành tỉnh', null],
      ['UBND các xã, phường', null],
    ]);
  });

  it('assigns nothing by a closing formula, but the implementation given to one named body', () => {
    expect(leads(['Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính, Chủ tịch UBND các huyện chịu trách nhiệm thi hành Quyết định này./.'])).toEqual([]);
    expect(leads(['Điều 2. Giao Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn, triển khai Quy định này.'])).toEqual(['Sở Y tế']);
    expect(leads(['UBND tỉnh đề nghị các cơ quan, đơn vị triển khai thực hiện và báo cáo UBND tỉnh nếu có vấn đề phát sinh.'])).toEqual([]);
  });

  it('says how sure it is and why', () => {
    const [a] = toGoldFormat(extractDirective('Giao Sở Tài chính chủ trì thẩm định kinh phí, hoàn thành trước ngày 15/10/2025.')).assignments;
    const [full] = extractDirective('Giao Sở Tài chính chủ trì thẩm định kinh phí, hoàn thành trước ngày 15/10/2025.').assignments;
    expect(a?.lead).toBe('Sở Tài chính');
    expect(full?.confidence).toBe('high');
    expect(full?.why).toContain('giao');
    expect(full?.why).toContain('trước ngày 15/10/2025');
  });
});
