import { describe, expect, it } from 'vitest';
import { expandGroup, findUnitMentions, matchUnit, readUnitChain } from './units';

const texts = (s: string): string[] => findUnitMentions(s).map((m) => m.text);

describe('findUnitMentions', () => {
  it('ends a department name where its lexicon entry ends', () => {
    expect(texts('Sở Tư pháp khẩn trương hoàn thiện dự toán, gửi Sở Tài chính thẩm định.')).toEqual(['Sở Tư pháp', 'Sở Tài chính']);
    expect(texts('Giao Sở TT&TT chủ trì, phối hợp với Sở KH&ĐT')).toEqual(['Sở TT&TT', 'Sở KH&ĐT']);
  });

  it('reads offices, committees, police and named bodies', () => {
    expect(texts('Văn phòng UBND tỉnh, Công an tỉnh, UBND quận Lê Chân và Ban Quản lý Khu Kinh tế Bắc Hà phối hợp')).toEqual([
      'Văn phòng UBND tỉnh',
      'Công an tỉnh',
      'UBND quận Lê Chân',
      'Ban Quản lý Khu Kinh tế Bắc Hà',
    ]);
  });

  it('reads group phrases as one mention', () => {
    const m = findUnitMentions('Yêu cầu các Sở, ban, ngành, địa phương khẩn trương');
    expect(m.map((x) => [x.text, x.kind])).toEqual([['các Sở, ban, ngành, địa phương', 'group']]);
    expect(texts('Chủ tịch Ủy ban nhân dân các quận, huyện có trách nhiệm')).toEqual(['Chủ tịch Ủy ban nhân dân các quận, huyện']);
  });

  it('does not take a person after an office for a place', () => {
    expect(texts('Phó Chủ tịch UBND tỉnh Trần Văn Bình chủ trì')).toEqual(['Phó Chủ tịch UBND tỉnh']);
    expect(texts('UBND tỉnh Quảng Nam ban hành')).toEqual(['UBND tỉnh Quảng Nam']);
  });

  it('ignores words that only look like units', () => {
    expect(texts('trên cơ sở dữ liệu; Báo cáo kết quả; giao thông; Trung tâm dữ liệu')).toEqual([]);
  });

  it('chains a list of assignees across line breaks', () => {
    const s = 'Các Sở, ban, ngành, đơn vị\nliên quan, ủy ban nhân dân các quận, huyện chủ động';
    const chain = readUnitChain(s, 0);
    expect(chain && s.slice(chain.start, chain.end)).toBe('Các Sở, ban, ngành, đơn vị\nliên quan, ủy ban nhân dân các quận, huyện');
  });
});

describe('matchUnit', () => {
  const registry = [
    { id: 'tttt', name: 'Sở Thông tin và Truyền thông', aliases: [] },
    { id: 'vp', name: 'Văn phòng UBND thành phố', aliases: [] },
    { id: 'lc', name: 'Ủy ban nhân dân quận Lê Chân', aliases: [] },
    { id: 'tc', name: 'Sở Tài chính', aliases: ['STC'] },
    { id: 'ca', name: 'Công an thành phố', aliases: [] },
  ];

  it.each([
    ['Sở TT&TT', 'tttt'],
    ['STTTT', 'tttt'],
    ['sở thông tin và truyền thông', 'tttt'],
    ['So Thong tin va Truyen thong', 'tttt'],
    ['VP UBND', 'vp'],
    ['Văn phòng Ủy ban nhân dân thành phố', 'vp'],
    ['UBND quận Lê Chân', 'lc'],
    ['Ủy ban quận Lê Chân', 'lc'],
    ['STC', 'tc'],
    ['Sở Tài chính thành phố Hải Phòng', 'tc'],
    ['Giám đốc Sở Tài chính', 'tc'],
  ])('%s → %s', (mention, id) => {
    expect(matchUnit(mention, registry)?.id).toBe(id);
  });

  it('returns null for unknown units and for groups', () => {
    expect(matchUnit('Sở Nội vụ', registry)).toBeNull();
    expect(matchUnit('UBND quận Ngô Quyền', registry)).toBeNull();
    expect(matchUnit('các Sở, ngành', registry)).toBeNull();
  });

  it('accepts NFD spellings', () => {
    expect(matchUnit('Sở Thông tin và Truyền thông'.normalize('NFD'), registry)?.id).toBe('tttt');
  });
});

describe('expandGroup', () => {
  it.each([
    ['các Sở, ngành, địa phương', 'all_departments_and_localities'],
    ['Các Sở, ban, ngành, đơn vị liên quan, ủy ban nhân dân các quận, huyện', 'all_departments_and_localities'],
    ['các cấp, các ngành', 'all_departments_and_localities'],
    ['các Sở, ban, ngành thành phố', 'all_departments'],
    ['UBND các quận, huyện', 'all_districts'],
    ['Ủy ban nhân dân các xã, phường, thị trấn', 'all_communes'],
    ['các cơ quan, đơn vị', 'all_agencies'],
    ['các cơ quan, đơn vị liên quan', 'related_agencies'],
    ['các thành viên Ban Chỉ đạo', 'steering_committee'],
    ['các cơ quan báo chí', 'press_agencies'],
  ])('%s → %s', (mention, key) => {
    expect(expandGroup(mention)).toBe(key);
  });

  it('is null for one named unit', () => {
    expect(expandGroup('Sở Nội vụ')).toBeNull();
    expect(expandGroup('Ủy ban nhân dân quận Lê Chân')).toBeNull();
  });
});

describe('unit names of other provinces and of national letters', () => {
  it.each([
    ['Đề nghị Đài Phát thanh - Truyền hình Đà Nẵng tăng cường', 'Đài Phát thanh - Truyền hình Đà Nẵng'],
    ['Báo và Phát thanh, Truyền hình An Giang phối hợp', 'Báo và Phát thanh, Truyền hình An Giang'],
    ['Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng phối hợp', 'Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng'],
    ['Ban Quản lý các Khu công nghiệp tỉnh chủ trì', 'Ban Quản lý các Khu công nghiệp tỉnh'],
    ['Bộ Khoa học và Công nghệ chủ trì', 'Bộ Khoa học và Công nghệ'],
    ['Bộ Chỉ huy Quân sự tỉnh phối hợp', 'Bộ Chỉ huy Quân sự tỉnh'],
    ['UBND các xã, phường, đặc khu chủ động', 'UBND các xã, phường, đặc khu'],
    ['Chủ tịch UBND các huyện, thị xã và thành phố Huế nghiêm túc', 'Chủ tịch UBND các huyện, thị xã và thành phố Huế'],
    ['Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ khẩn trương', 'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ'],
    ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương rà soát', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương'],
    ['các sở, ban, ngành, đoàn thể cấp tỉnh thực hiện', 'các sở, ban, ngành, đoàn thể cấp tỉnh'],
  ])('%s', (text, expected) => {
    expect(texts(text)[0]).toBe(expected);
  });

  it('reads a heading in capitals and gives the names their usual case', () => {
    const heading = '3. ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TỈNH, BÁO NGHỆ AN\nMở chuyên mục về chuyển đổi số.';
    const chain = readUnitChain(heading, 3);
    expect(chain?.mentions.map((m) => m.text)).toEqual(['Đài Phát thanh và Truyền hình tỉnh', 'Báo Nghệ An']);
    const army = readUnitChain('4. BỘ CHỈ HUY QUÂN SỰ TỈNH, CÔNG AN TỈNH\nPhối hợp', 3);
    expect(army?.mentions.map((m) => m.text)).toEqual(['Bộ Chỉ huy Quân sự tỉnh', 'Công an tỉnh']);
    expect(readUnitChain('2. SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 3)?.mentions[0]?.text).toBe('Sở Thông tin và Truyền thông');
  });

  it('prefers how the letter itself writes a name it also prints in capitals', () => {
    const text = 'Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ.\n2. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH';
    const at = text.indexOf('TRUNG');
    expect(readUnitChain(text, at)?.mentions[0]?.text).toBe('Trung tâm Phục vụ hành chính công tỉnh');
  });

  it('keeps a name in capitals within its line', () => {
    expect(findUnitMentions('CÔNG AN TỈNH\nPhối hợp').map((m) => m.end)).toEqual([12]);
  });
});
