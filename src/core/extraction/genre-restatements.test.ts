import { describe, expect, it } from 'vitest';
import { extractDirective, toGoldFormat } from './extract';

/**
 * Forms met in the dev split of the corpus' second round (issue 10): how newspapers and
 * portals restate a letter, and the unit types of provinces the first round did not have.
 * Each sentence is written here, not copied from the corpus.
 */
const read = (lines: string[]) => toGoldFormat(extractDirective(lines.join('\n'), { documentDate: '2024-05-10' })).assignments;
const leads = (lines: string[]) => read(lines).map((a) => a.lead);

describe('restatements and unit types of other provinces', () => {
  it('finds the subject after a news connective, an opener in lower case, or "Đối với …,"', () => {
    expect(leads(['Theo đó, trong tháng 6/2024, Công an tỉnh tăng cường tuần tra các tuyến quốc lộ.'])).toEqual(['Công an tỉnh']);
    expect(leads(['Bên cạnh đó, Cục Hải quan kiểm soát việc nhập khẩu vật tư nông nghiệp.'])).toEqual(['Cục Hải quan']);
    expect(leads(['Đối với các trường học chưa có nhà vệ sinh, Sở Giáo dục và Đào tạo lập danh mục đầu tư.'])).toEqual(['Sở Giáo dục và Đào tạo']);
  });

  it('reads "vừa yêu cầu" and "được phân công", but not a grant recounted as "được UBND tỉnh giao"', () => {
    expect(leads(['Chủ tịch UBND tỉnh vừa yêu cầu Giám đốc Sở Xây dựng kiểm tra các công trình không phép.'])).toEqual(['Sở Xây dựng']);
    expect(leads(['Các cơ quan chuyên môn được phân công nhiệm vụ rà soát hồ sơ khởi công.'])).toEqual(['Các cơ quan chuyên môn']);
    expect(leads(['Đề án được UBND tỉnh giao Sở Nội vụ xây dựng từ tháng 3.'])).toEqual([]);
  });

  it('keeps the directed units of a lead\'s own "chỉ đạo" out of the leads', () => {
    expect(leads(['Công an tỉnh bố trí lực lượng trực Tết; chỉ đạo Công an các huyện tăng cường kiểm tra xe khách.'])).toEqual(['Công an tỉnh']);
  });

  it('gives each department of "Các Sở A, B, C" its own copy under the heading', () => {
    expect(leads(['1. Các Sở Công Thương, Y tế, Công an tỉnh', '- Phối hợp với Sở Tài chính thẩm định phương án vận chuyển hàng hóa.'])).toEqual([
      'Sở Công Thương',
      'Sở Y tế',
      'Công an tỉnh',
    ]);
  });

  it('does not read the rest of a cut list, a closing list or a page footer as a task', () => {
    expect(leads(['Yêu cầu các sở, ban, ngành, Tập đoàn FLC và các tập đoàn, đơn v'])).toEqual([]);
    expect(leads(['Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các cơ quan, đơn vị trực thuộc Ủy ban nhân dân tỉnh, Chủ tịch Ủy'])).toEqual([]);
    expect(leads(['Báo Bình Phước Trụ sở: Số 1 - Trần Hưng Đạo - P. Tân Phú'])).toEqual([]);
  });

  it('reads coordinators after "với sự phối hợp của", "cùng với", "phối hợp cùng", with unit types of any province', () => {
    const coordinators = (s: string) => read([s]).map((a) => a.coordinators);
    expect(coordinators('Giao Sở Xây dựng chủ trì, với sự phối hợp của các sở, ngành liên quan, rà soát quy hoạch.')).toEqual([['các sở, ngành liên quan']]);
    expect(coordinators('Văn phòng UBND tỉnh chủ trì cùng với các ngành liên quan tổ chức họp báo.')).toEqual([['các ngành liên quan']]);
    expect(coordinators('Giao Sở Y tế phối hợp cùng Hội Nông dân tỉnh, Hội Liên hiệp Phụ nữ tỉnh tuyên truyền.')).toEqual([['Hội Nông dân tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh']]);
    expect(coordinators('Giao Sở Tài nguyên và Môi trường phối hợp với Công an tỉnh, Bộ đội Biên phòng tỉnh, UBND H.Bắc Bình kiểm tra.')).toEqual([
      ['Công an tỉnh', 'Bộ đội Biên phòng tỉnh', 'UBND H.Bắc Bình'],
    ]);
    expect(coordinators('Giao Sở Thông tin và Truyền thông phối hợp với các cơ quan thông tấn, báo chí, Cổng Thông tin điện tử tỉnh đưa tin.')).toEqual([
      ['các cơ quan thông tấn, báo chí', 'Cổng Thông tin điện tử tỉnh'],
    ]);
  });

  it('reads "Hạn chót … là ngày …" as the deadline and project boards named by number', () => {
    expect(read(['Các cơ quan chuyên môn được phân công rà soát hồ sơ. Hạn chót gửi báo cáo về Sở Tài chính là ngày 22/5/2024.']).map((a) => a.deadline)).toEqual([
      '2024-05-22',
    ]);
    expect(leads(['2. Phân công nhiệm vụ:', '• Ban Quản lý dự án 2: Kiểm tra điều kiện khánh thành công trình.'])).toEqual(['Ban Quản lý dự án 2']);
  });

  it('treats a duty for matters beyond one\'s authority as a fallback', () => {
    expect(leads(['Đối với những vấn đề phát sinh vượt thẩm quyền, Công an tỉnh kịp thời tổng hợp, báo cáo UBND tỉnh.'])).toEqual([]);
  });
});
