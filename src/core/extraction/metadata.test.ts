import { describe, expect, it } from 'vitest';
import { documentTypeFromSymbol, extractMetadata } from './metadata';
import { normalizeDocument } from './sentences';

const meta = (raw: string) => extractMetadata(normalizeDocument(raw));

describe('documentTypeFromSymbol', () => {
  it.each([
    ['139/UBND-KSTTHC', 'Công văn'],
    ['149/TB-UBND', 'Thông báo'],
    ['74/KH-UBND', 'Kế hoạch'],
    ['12/2024/QĐ-UBND', 'Quyết định'],
    ['05/CT-UBND', 'Chỉ thị'],
    ['31/TTr-STTTT', 'Tờ trình'],
    ['88/BC-UBND', 'Báo cáo'],
  ])('%s → %s', (symbol, type) => {
    expect(documentTypeFromSymbol(symbol)).toBe(type);
  });
});

describe('extractMetadata', () => {
  it('reads a công văn with its header, V/v and signature block', () => {
    const m = meta(
      [
        'ỦY BAN NHÂN DÂN',
        'TỈNH BẮC HÀ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 512 /UBND-KGVX',
        'V/v đẩy nhanh tiến độ',
        'số hóa hồ sơ năm 2025',
        '',
        'Bắc Hà, ngày 05 tháng 02 năm 2026',
        'Kính gửi: Các sở, ban, ngành.',
        'Yêu cầu các sở hoàn thành trước ngày 30/3/2026./.',
        'Nơi nhận:',
        '- Lưu: VT.',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        '',
        'Đinh Thị Lan',
      ].join('\n'),
    );
    expect(m).toEqual({
      soKyHieu: '512/UBND-KGVX',
      ngayBanHanh: '2026-02-05',
      coQuan: 'Ủy ban nhân dân tỉnh Bắc Hà',
      nguoiKy: 'Đinh Thị Lan',
      loai: 'Công văn',
      trichYeu: 'V/v đẩy nhanh tiến độ số hóa hồ sơ năm 2025',
      diaDanh: 'Bắc Hà',
    });
  });

  it('takes the issuer from the lower line of a two-level header and recases a plan title from the body', () => {
    const m = meta(
      [
        'UBND TỈNH BẮC HÀ',
        'SỞ TÀI CHÍNH',
        'Số: 07/KH-STC',
        'Bắc Hà, ngày',
        '3 tháng 4 năm 2025',
        'KẾ HOẠCH',
        'SỐ HÓA HỒ SƠ TÀI CHÍNH NĂM 2025',
        'Căn cứ nhiệm vụ được giao, Sở Tài chính ban hành Kế hoạch số hóa hồ sơ tài chính năm 2025 như sau:',
      ].join('\n'),
    );
    expect(m.coQuan).toBe('Sở Tài chính');
    expect(m.ngayBanHanh).toBe('2025-04-03');
    expect(m.loai).toBe('Kế hoạch');
    expect(m.trichYeu).toBe('Kế hoạch số hóa hồ sơ tài chính năm 2025');
  });

  it('falls back to the title and the meeting date when the heading is missing', () => {
    const m = meta(
      [
        'Kết luận của Phó Chủ tịch UBND tỉnh Trần Văn Bình tại buổi làm việc về dữ liệu số',
        '',
        'Ngày 09/5/2025, Phó Chủ tịch UBND tỉnh Trần Văn Bình chủ trì buổi làm việc.',
      ].join('\n'),
    );
    expect(m).toMatchObject({
      soKyHieu: null,
      ngayBanHanh: '2025-05-09',
      coQuan: 'Ủy ban nhân dân tỉnh',
      nguoiKy: 'Trần Văn Bình',
      loai: 'Thông báo',
      trichYeu: 'Kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc về dữ liệu số',
    });
  });

  it('reads a notice with place-date line, type heading and "TL." signature', () => {
    const m = meta(
      [
        'Bắc Hà, ngày 22 tháng 7 năm 2025',
        '',
        'THÔNG BÁO',
        '',
        'Kết luận của đồng chí Lê Văn Nam, Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp thứ 3',
        '',
        'Ngày 14/7/2025, đồng chí Lê Văn Nam chủ trì phiên họp.',
        'TL. CHỦ TỊCH',
        'CHÁNH VĂN PHÒNG',
        'Vũ Minh Hải',
      ].join('\n'),
    );
    expect(m).toMatchObject({
      ngayBanHanh: '2025-07-22',
      coQuan: 'Ủy ban nhân dân tỉnh Bắc Hà',
      nguoiKy: 'Vũ Minh Hải',
      loai: 'Thông báo',
      trichYeu: 'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp thứ 3',
    });
  });
});
