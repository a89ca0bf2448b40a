/**
 * A 30-page provincial plan, written the way plans are: letterhead, căn cứ, purposes, the
 * content sections, "Tổ chức thực hiện" with one numbered section per body, and an appendix
 * task table (tab-separated, as mammoth reads a .docx table). Deterministic: the same text
 * every run. Sample data, not a real plan.
 */
const UNITS = [
  'Sở Khoa học và Công nghệ',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Văn phòng UBND tỉnh',
  'Công an tỉnh',
  'Đài Phát thanh - Truyền hình tỉnh',
  'UBND các xã, phường, đặc khu',
];
const VERBS = ['Rà soát, cập nhật', 'Xây dựng và vận hành', 'Triển khai', 'Nâng cấp', 'Tổ chức tập huấn về', 'Kết nối, chia sẻ'];
const OBJECTS = [
  'cơ sở dữ liệu chuyên ngành',
  'dịch vụ công trực tuyến toàn trình',
  'hệ thống quản lý văn bản và điều hành',
  'nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh',
  'kỹ năng số cho cán bộ, công chức cấp xã',
  'Trung tâm giám sát, điều hành thông minh',
];
const TIMES = ['Quý I/2026', 'Quý II/2026', 'Tháng 9/2026', 'Năm 2026', 'Hằng năm', '30/6/2026', 'Thường xuyên'];

const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;

export function thirtyPagePlan(): string {
  const out: string[] = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH NAM SƠN',
    'Số: 215/KH-UBND',
    'Nam Sơn, ngày 12 tháng 01 năm 2026',
    'KẾ HOẠCH',
    'Chuyển đổi số tỉnh Nam Sơn năm 2026',
    '',
  ];
  for (let i = 1; i <= 20; i++) out.push(`Căn cứ Quyết định số ${100 + i}/QĐ-TTg ngày ${i}/3/2025 của Thủ tướng Chính phủ về ${pick(OBJECTS, i)};`);
  out.push('Ủy ban nhân dân tỉnh ban hành Kế hoạch chuyển đổi số năm 2026 như sau:', 'I. MỤC ĐÍCH, YÊU CẦU');
  for (let i = 1; i <= 50; i++) {
    out.push(`${i}. Bảo đảm ${pick(OBJECTS, i)} được triển khai đồng bộ, thống nhất từ tỉnh đến cơ sở, gắn với cải cách hành chính và phục vụ người dân, doanh nghiệp; không để gián đoạn khi vận hành chính quyền địa phương hai cấp.`);
  }
  out.push('II. NHIỆM VỤ, GIẢI PHÁP');
  for (let i = 1; i <= 170; i++) {
    out.push(`${i}. ${pick(VERBS, i)} ${pick(OBJECTS, i + 2)} của các cơ quan, đơn vị; bảo đảm an toàn thông tin theo cấp độ và kết nối với các hệ thống của Trung ương, phục vụ chỉ đạo, điều hành trên môi trường số.`);
  }
  out.push('III. TỔ CHỨC THỰC HIỆN');
  UNITS.forEach((unit, u) => {
    out.push(`${u + 1}. ${unit}`);
    for (let k = 0; k < 6; k++) {
      out.push(`${'abcdef'[k]}) ${pick(VERBS, u + k)} ${pick(OBJECTS, u * 2 + k)}; hoàn thành trong ${pick(['quý II/2026', 'tháng 9/2026', 'năm 2026'], u + k)}.`);
    }
  });
  out.push('Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo UBND tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, giải quyết./.');
  out.push('Nơi nhận:', '- Như mục III;', '- Lưu: VT.', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Văn Hòa', '', 'PHỤ LỤC', 'DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026');
  out.push(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'].join('\t'));
  for (let r = 1; r <= 240; r++) {
    out.push(
      [String(r), `${pick(VERBS, r)} ${pick(OBJECTS, r + 1)} (nhiệm vụ ${r})`, pick(UNITS, r), `${pick(UNITS, r + 3)}; các sở, ban, ngành liên quan`, pick(TIMES, r)].join('\t'),
    );
  }
  return out.join('\n');
}
