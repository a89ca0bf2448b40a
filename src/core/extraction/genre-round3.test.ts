import { describe, expect, it } from 'vitest';
import { extractDirective, toGoldFormat } from './extract';

/** Forms met on the dev documents of corpus round 3; every sentence here is written for the test. */
const read = (lines: string[]) => toGoldFormat(extractDirective(lines.join('\n'), { documentDate: '2025-10-02' })).assignments;
const leads = (lines: string[]) => read(lines).map((a) => a.lead);

describe('round 3 of the corpus: forms of other provinces', () => {
  it('reads "chỉ đạo" after the issuer and a letter number, and splits its leads on ";"', () => {
    expect(
      leads(['Ngày 02/10/2025, Phó Chủ tịch UBND tỉnh đã ký văn bản số 1234/UBND-NC, chỉ đạo các sở, ngành thuộc tỉnh; UBND các xã, phường rà soát điểm trông giữ xe.']),
    ).toEqual(['các sở, ngành thuộc tỉnh', 'UBND các xã, phường']);
  });

  it('still leaves out units a subject directs after its own duty', () => {
    expect(leads(['Sở Y tế bố trí đội phản ứng nhanh, chỉ đạo các trung tâm y tế khu vực trực 24/24 giờ.'])).toEqual(['Sở Y tế']);
  });

  it('keeps two titles over one group ("giám đốc, thủ trưởng các sở …") in one lead', () => {
    expect(leads(['Chủ tịch UBND thành phố yêu cầu giám đốc, thủ trưởng các sở, ban, ngành và chủ tịch UBND các phường, xã kiểm tra hệ thống thoát nước.'])).toEqual([
      'giám đốc, thủ trưởng các sở, ban, ngành',
      'chủ tịch UBND các phường, xã',
    ]);
  });

  it('reads "chính quyền địa phương", "chính quyền các quận, huyện" as groups that lead', () => {
    expect(leads(['UBND tỉnh yêu cầu chính quyền địa phương và các ngành chức năng hướng dẫn người dân gia cố nhà cửa.'])).toEqual([
      'chính quyền địa phương',
      'các ngành chức năng',
    ]);
    expect(leads(['Đề nghị chính quyền các quận, huyện tổ chức dọn vệ sinh sau lũ.'])).toEqual(['chính quyền các quận, huyện']);
  });

  it('keeps "cơ quan đơn vị" and bodies "đóng chân trên địa bàn" inside one group, and splits at "và"', () => {
    expect(
      leads(['Yêu cầu các sở, ngành, cơ quan đơn vị đoàn thể, các cơ quan Trung ương đóng chân trên địa bàn tỉnh và UBND các xã, phường tiếp tục duy trì trực ban.']),
    ).toEqual(['các sở, ngành, cơ quan đơn vị đoàn thể, các cơ quan Trung ương đóng chân trên địa bàn tỉnh', 'UBND các xã, phường']);
  });

  it('ends a place name at a predicate written with a capital ("… Điện Biên Phối hợp …")', () => {
    const got = read(['2. Báo Điện Biên Phủ, Đài Phát thanh – Truyền hình Điện Biên Phối hợp Sở Du lịch tăng thời lượng giới thiệu lễ hội hoa ban.']);
    expect(got.map((a) => [a.lead, a.coordinators])).toEqual([
      ['Báo Điện Biên Phủ', ['Sở Du lịch']],
      ['Đài Phát thanh – Truyền hình Điện Biên', ['Sở Du lịch']],
    ]);
  });

  it('reads the day of "trước 15h ngày 28/9" and "trước 9h30, ngày …"', () => {
    expect(read(['Các xã, phường hoàn thành di dời dân khỏi vùng sạt lở trước 16h ngày 05/10.'])[0]?.deadline).toBe('2025-10-05');
    expect(read(['Sở Công Thương báo cáo lượng hàng dự trữ trước 9h30, ngày 06/10/2025.'])[0]?.deadline).toBe('2025-10-06');
  });

  it('reads the summary of a page that ends at its "… như sau:"', () => {
    expect(
      leads(['UBND tỉnh chỉ đạo phòng chống rét cho gia súc', '', 'Ngày 01/10/2025, UBND tỉnh ban hành văn bản số 88/UBND-KT, chỉ đạo UBND các xã, phường chủ động che chắn chuồng trại. Nội dung văn bản như sau:']),
    ).toEqual(['UBND các xã, phường']);
  });

  it('reads bodies of every district as one group, a dash before the duty, and an office of several levels', () => {
    const got = read(['3. Trung tâm Văn hóa - Thông tin các huyện, thị xã – Phối hợp Phòng Kinh tế huyện, thị xã, thành phố treo băng rôn tuyên truyền.']);
    expect(got.map((a) => [a.lead, a.coordinators])).toEqual([['Trung tâm Văn hóa - Thông tin các huyện, thị xã', ['Phòng Kinh tế huyện, thị xã, thành phố']]]);
    expect(leads(['Giao Trung tâm Y tế các huyện, thành phố tổ chức tiêm bù vắc xin sởi.'])).toEqual(['Trung tâm Y tế các huyện, thành phố']);
  });

  it('reads a duty told twice, first with "và" then with a comma, once per lead', () => {
    expect(
      leads([
        'Chủ tịch UBND tỉnh yêu cầu giám đốc các sở, ngành và chủ tịch UBND các xã, phường chủ động phòng chống rét đậm.',
        'Chủ tịch UBND tỉnh yêu cầu giám đốc các sở, ngành, chủ tịch UBND các xã, phường theo dõi sát nhiệt độ, hướng dẫn người dân che chắn chuồng trại.',
      ]),
    ).toEqual(['giám đốc các sở, ngành', 'chủ tịch UBND các xã, phường']);
  });
});
