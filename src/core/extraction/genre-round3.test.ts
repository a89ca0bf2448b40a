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
});
