import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/calendar/dates';
import { foldVietnamese, normalizeText } from '../core/text/fold';
import { ORGANISATION, validateOrganisation, type SeedUnit } from './organisation';

const validOn = (u: SeedUnit, date: string) => u.validFrom <= date && (u.validTo === null || date <= u.validTo);
const onDate = (date: string) => ORGANISATION.filter((u) => validOn(u, date));
const byCode = new Map(ORGANISATION.map((u) => [u.code, u]));
const unit = (code: string): SeedUnit => {
  const u = byCode.get(code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
};
const labels = (u: SeedUnit) => [u.name, ...(u.shortName ? [u.shortName] : []), ...(u.aliases ?? [])];

/** Units valid on `date` that `text` names, ignoring case and diacritics. */
function resolve(text: string, date: string): string[] {
  const key = foldVietnamese(text);
  return onDate(date)
    .filter((u) => labels(u).some((l) => foldVietnamese(l) === key))
    .map((u) => u.code);
}

const districtLevel = (u: SeedUnit) => /^Ủy ban nhân dân (quận|huyện|thành phố) /.exec(u.name)?.[1];

describe('validateOrganisation', () => {
  it('finds no problem in the demo organisation', () => {
    expect(validateOrganisation(ORGANISATION)).toEqual([]);
  });

  const base = (code: string, over: Partial<SeedUnit> = {}): SeedUnit => ({
    code,
    name: code,
    kind: 'department',
    parentCode: 'R',
    validFrom: '2020-01-01',
    validTo: null,
    ...over,
  });
  const root = base('R', { kind: 'city_committee', parentCode: null });
  const kinds = (units: SeedUnit[]) => validateOrganisation(units).map((p) => `${p.kind}:${p.code}`);

  it('reports duplicate codes and missing parents', () => {
    expect(kinds([root, base('A'), base('A'), base('B', { parentCode: 'X' })])).toEqual([
      'duplicate_code:A',
      'missing_parent:B',
    ]);
  });

  it('reports a parent that does not cover the child', () => {
    const p = base('P', { validFrom: '2021-01-01', validTo: '2023-12-31' });
    expect(
      kinds([
        root,
        p,
        base('EARLY', { parentCode: 'P', validFrom: '2020-06-01', validTo: '2022-01-01' }),
        base('OPEN', { parentCode: 'P', validFrom: '2022-01-01' }),
        base('LATE', { parentCode: 'P', validFrom: '2022-01-01', validTo: '2024-01-01' }),
        base('OK', { parentCode: 'P', validFrom: '2021-01-01', validTo: '2023-12-31' }),
      ]),
    ).toEqual(['parent_not_valid:EARLY', 'parent_not_valid:OPEN', 'parent_not_valid:LATE']);
  });

  it('reports successors that are missing, late, already gone, or of a unit still valid', () => {
    expect(
      kinds([
        root,
        base('GONE', { validTo: '2024-12-31', successorCodes: ['NOPE'] }),
        base('GAP', { validTo: '2024-12-31', successorCodes: ['LATER'] }),
        base('LATER', { validFrom: '2025-01-02' }),
        base('EARLY_END', { validTo: '2024-12-31', successorCodes: ['ENDED'] }),
        base('ENDED', { validTo: '2024-12-30' }),
        base('STILL', { successorCodes: ['LATER'] }),
        base('FINE', { validTo: '2024-12-31', successorCodes: ['NEXT', 'R'] }),
        base('NEXT', { validFrom: '2025-01-01' }),
      ]),
    ).toEqual([
      'missing_successor:GONE',
      'successor_gap:GAP',
      'successor_gap:EARLY_END',
      'successor_of_open_unit:STILL',
    ]);
  });

  it('reports cycles in parents and successors', () => {
    const problems = kinds([
      base('A', { parentCode: 'B' }),
      base('B', { parentCode: 'A' }),
      base('C', { parentCode: null, kind: 'city_committee', validTo: '2024-12-31', successorCodes: ['D'] }),
      base('D', { parentCode: null, kind: 'city_committee', validTo: '2024-12-31', successorCodes: ['C'] }),
    ]);
    expect(problems).toEqual(
      expect.arrayContaining(['parent_cycle:A', 'parent_cycle:B', 'successor_cycle:C', 'successor_cycle:D']),
    );
  });

  it('reports impossible dates', () => {
    expect(kinds([root, base('X', { validFrom: '2024-02-30' }), base('Y', { validTo: '2019-12-31' })])).toEqual([
      'invalid_date:X',
      'invalid_date:Y',
    ]);
  });
});

describe('shape of the data', () => {
  it('uses stable ASCII codes under HP', () => {
    for (const u of ORGANISATION) expect(u.code).toMatch(/^HP(\.[A-Z0-9]+)*$/);
  });

  it('stores names and aliases as normalised NFC text', () => {
    for (const u of ORGANISATION) {
      for (const l of labels(u)) expect(normalizeText(l), `${u.code}: ${l}`).toBe(l);
    }
  });

  it('lists only aliases that differ from the name and from each other once folded', () => {
    for (const u of ORGANISATION) {
      const folded = [u.name, ...(u.aliases ?? [])].map(foldVietnamese);
      expect(new Set(folded).size, u.code).toBe(folded.length);
    }
  });

  // Two official names of the new Hải Phòng differ only in a tone mark (xã Cẩm Giang, xã Cẩm
  // Giàng, NQ 1669/NQ-UBTVQH15): folded, they are one name, so a text must write the mark to tell them apart.
  const SAME_WHEN_FOLDED = new Set(['HP.XA.CAMGIANG.10888', 'HP.XA.CAMGIANG.10903']);

  it('never lets one name mean two units on the same day (but for the two Cẩm Giang)', () => {
    const days = new Set<string>();
    for (const u of ORGANISATION) {
      days.add(u.validFrom);
      if (u.validTo) days.add(addDays(u.validTo, 1));
    }
    for (const day of days) {
      const owner = new Map<string, string>();
      for (const u of onDate(day)) {
        for (const key of new Set(labels(u).map(foldVietnamese))) {
          const other = owner.get(key);
          if (other && SAME_WHEN_FOLDED.has(other) && SAME_WHEN_FOLDED.has(u.code)) continue;
          expect(other ?? u.code, `"${key}" on ${day}`).toBe(u.code);
          owner.set(key, u.code);
        }
      }
    }
  });

  it('flags nothing as sample: every unit, down to the communes, comes from a source', () => {
    expect(ORGANISATION.filter((u) => u.sample).map((u) => u.code)).toEqual([]);
  });

  it('puts units in the groups directive extraction expands', () => {
    for (const u of ORGANISATION) {
      const g = u.groups ?? [];
      if (u.kind === 'department') expect(g, u.code).toContain('departments');
      if (u.kind === 'agency') expect(g, u.code).toContain('agencies');
      if (u.kind === 'district') expect(g, u.code).toEqual(['districts']);
      if (u.kind === 'commune' || u.kind === 'city_committee') expect(g, u.code).toEqual([]);
    }
    // Seed 000 rates these as part of "các Sở, ban, ngành"; the press is addressed apart.
    for (const code of ['HP.CATP', 'HP.BCHQS', 'HP.CTHADS']) expect(unit(code).groups).toContain('departments');
    for (const code of ['HP.BAOHP', 'HP.DAIPTTH', 'HP.VPDBQHHDND']) expect(unit(code).groups).toEqual(['agencies']);
  });

  it('rolls every ended unit up, through principal successors, to a unit valid on 2026-01-01', () => {
    for (const u of ORGANISATION) {
      let current = u;
      for (let i = 0; current.validTo !== null && current.validTo < '2026-01-01'; i++) {
        const next = current.successorCodes?.[0];
        expect(next, `${current.code} ended without a successor`).toBeDefined();
        expect(i).toBeLessThan(10);
        current = unit(next as string);
      }
      expect(validOn(current, '2026-01-01'), `${u.code} rolls up to ${current.code}`).toBe(true);
    }
  });
});

describe('facts encoded', () => {
  it('has the People’s Committee as the only root today; former Hải Dương was the other until 30/06/2025', () => {
    const hp = unit('HP');
    expect(hp).toMatchObject({
      name: 'Ủy ban nhân dân thành phố Hải Phòng',
      kind: 'city_committee',
      parentCode: null,
      validFrom: '2000-01-01',
      validTo: null,
    });
    expect(hp.aliases).toEqual(expect.arrayContaining(['UBND thành phố', 'Ủy ban nhân dân thành phố']));
    expect(ORGANISATION.filter((u) => u.parentCode === null).map((u) => u.code)).toEqual(['HP', 'HP.HD']);
    expect(unit('HP.HD')).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Hải Dương', validTo: '2025-06-30', successorCodes: ['HP'] });
    expect(onDate('2026-01-01').filter((u) => u.parentCode === null).map((u) => u.code)).toEqual(['HP']);
    for (const u of ORGANISATION) {
      if (u.kind === 'department' || u.kind === 'agency' || u.kind === 'district') expect(u.parentCode, u.code).toBe('HP');
    }
  });

  it('merges Sở TT&TT into the continuing Sở KH&CN and Sở KH&ĐT into Sở Tài chính on 01/03/2025', () => {
    expect(unit('HP.STTTT')).toMatchObject({ validTo: '2025-02-28' });
    expect(unit('HP.STTTT').successorCodes?.[0]).toBe('HP.SKHCN');
    expect(unit('HP.SKHDT')).toMatchObject({ validTo: '2025-02-28', successorCodes: ['HP.STC'] });
    for (const code of ['HP.SKHCN', 'HP.STC']) {
      expect(validOn(unit(code), '2020-03-24')).toBe(true);
      expect(unit(code).validTo).toBeNull();
    }
    expect(resolve('Sở TT&TT', '2024-01-01')).toEqual(['HP.STTTT']);
    expect(resolve('Sở TT&TT', '2026-01-01')).toEqual([]);
    expect(resolve('Sở KH&CN', '2026-01-01')).toEqual(['HP.SKHCN']);
  });

  it('applies the other 2025 department mergers', () => {
    expect(unit('HP.SGTVT').successorCodes).toEqual(['HP.SXD']);
    expect(unit('HP.STNMT').successorCodes).toEqual(['HP.SNNMT']);
    expect(unit('HP.SNNPTNT').successorCodes).toEqual(['HP.SNNMT']);
    expect(unit('HP.SLDTBXH').successorCodes?.slice(0, 2)).toEqual(['HP.SNV', 'HP.SYT']);
    expect(unit('HP.SVHTT').successorCodes).toEqual(['HP.SVHTTDL']);
    expect(unit('HP.SDL').successorCodes).toEqual(['HP.SVHTTDL']);
    for (const code of ['HP.SNNMT', 'HP.SVHTTDL']) expect(unit(code).validFrom).toBe('2025-03-01');
  });

  it('knows the aliases people write', () => {
    const cases: [string, string][] = [
      ['Sở TT&TT', 'HP.STTTT'],
      ['Sở TTTT', 'HP.STTTT'],
      ['STTTT', 'HP.STTTT'],
      ['Sở Thông tin - Truyền thông', 'HP.STTTT'],
      ['Sở KH&ĐT', 'HP.SKHDT'],
      ['Sở KHĐT', 'HP.SKHDT'],
      ['Sở KH&CN', 'HP.SKHCN'],
      ['Sở KHCN', 'HP.SKHCN'],
      ['VP UBND TP', 'HP.VPUBND'],
      ['Văn phòng UBND thành phố', 'HP.VPUBND'],
      ['Văn phòng Ủy ban nhân dân thành phố', 'HP.VPUBND'],
      ['Sở Tài Nguyên và Môi trường', 'HP.STNMT'],
      ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'HP.STTTT'],
      ['UBND quận Lê Chân', 'HP.Q.LECHAN'],
      ['quận Lê Chân', 'HP.Q.LECHAN'],
      ['Lê Chân', 'HP.Q.LECHAN'],
    ];
    for (const [text, code] of cases) expect(resolve(text, '2024-01-01'), text).toEqual([code]);
  });

  it('has the 15 districts of old Hải Phòng: 7 quận and 8 huyện in 2024', () => {
    const districts = onDate('2024-01-01').filter((u) => u.kind === 'district');
    expect(districts).toHaveLength(15);
    expect(districts.filter((u) => districtLevel(u) === 'quận').map((u) => u.name.replace('Ủy ban nhân dân ', '')).sort()).toEqual(
      ['quận Dương Kinh', 'quận Đồ Sơn', 'quận Hải An', 'quận Hồng Bàng', 'quận Kiến An', 'quận Lê Chân', 'quận Ngô Quyền'].sort(),
    );
    expect(districts.filter((u) => districtLevel(u) === 'huyện')).toHaveLength(8);
    expect(unit('HP.Q.LECHAN').name).toBe('Ủy ban nhân dân quận Lê Chân');
  });

  it('makes Thủy Nguyên a city and An Dương a quận from 01/01/2025, still 15 districts', () => {
    expect(unit('HP.H.THUYNGUYEN')).toMatchObject({ validTo: '2024-12-31', successorCodes: ['HP.TP.THUYNGUYEN'] });
    expect(unit('HP.TP.THUYNGUYEN')).toMatchObject({ validFrom: '2025-01-01', kind: 'district' });
    expect(unit('HP.H.ANDUONG')).toMatchObject({ validTo: '2024-12-31', successorCodes: ['HP.Q.ANDUONG'] });
    const districts = onDate('2025-03-01').filter((u) => u.kind === 'district');
    expect(districts).toHaveLength(15);
    const count = (level: string) => districts.filter((u) => districtLevel(u) === level).length;
    expect([count('quận'), count('thành phố'), count('huyện')]).toEqual([8, 1, 6]);
    expect(resolve('Thủy Nguyên', '2022-07-22')).toEqual(['HP.H.THUYNGUYEN']);
    expect(resolve('Thủy Nguyên', '2025-03-01')).toEqual(['HP.TP.THUYNGUYEN']);
  });

  it('ends every district on 30/06/2025 with communes under the city as successors', () => {
    for (const d of ORGANISATION.filter((u) => u.kind === 'district')) {
      if (d.validTo === '2024-12-31') continue;
      expect(d.validTo, d.code).toBe('2025-06-30');
      expect(d.successorCodes?.length, d.code).toBeGreaterThan(0);
      for (const s of d.successorCodes ?? []) {
        expect(unit(s)).toMatchObject({ kind: 'commune', parentCode: 'HP', validFrom: '2025-07-01' });
      }
    }
  });

  it('has communes and no districts in the tree as of 2026-01-01', () => {
    const units = onDate('2026-01-01');
    expect(units.filter((u) => u.kind === 'district')).toEqual([]);
    const communes = units.filter((u) => u.kind === 'commune');
    expect(communes.length).toBeGreaterThanOrEqual(5);
    for (const c of communes) expect(c.parentCode, c.code).toBe('HP');
    expect(resolve('đặc khu Cát Hải', '2026-01-01')).toEqual(['HP.DK.CATHAI']);
    expect(resolve('đặc khu Bạch Long Vĩ', '2026-01-01')).toEqual(['HP.DK.BACHLONGVI']);
  });

  it('has the communes of every district on 30/06/2025, except Bạch Long Vĩ which has none', () => {
    for (const d of onDate('2025-06-30').filter((u) => u.kind === 'district')) {
      const children = ORGANISATION.filter((u) => u.parentCode === d.code);
      if (d.code === 'HP.H.BACHLONGVI') expect(children).toEqual([]);
      else expect(children.length, d.code).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the new Hải Phòng whole (NQ 1669/NQ-UBTVQH15, in force 01/07/2025)', () => {
  const now = onDate('2026-01-01').filter((u) => u.kind === 'commune');
  const level = (u: SeedUnit) => /^Ủy ban nhân dân (phường|xã|đặc khu) /.exec(u.name)?.[1];

  it('has 114 commune-level units: 45 phường, 67 xã, 2 đặc khu, each with its GSO code', () => {
    expect(now).toHaveLength(114);
    const count = (l: string) => now.filter((u) => level(u) === l).length;
    expect([count('phường'), count('xã'), count('đặc khu')]).toEqual([45, 67, 2]);
    for (const u of now) expect(u.officialCode, u.code).toMatch(/^\d{5}$/);
    expect(new Set(now.map((u) => u.officialCode)).size).toBe(114);
    const byName = (name: string) => now.find((u) => u.name === name);
    expect(byName('Ủy ban nhân dân phường Lê Chân')).toMatchObject({ code: 'HP.P.LECHAN', officialCode: '11383' });
    expect(byName('Ủy ban nhân dân phường Hải Dương')).toMatchObject({ code: 'HP.P.HAIDUONG', officialCode: '10525' });
    expect(byName('Ủy ban nhân dân đặc khu Cát Hải')).toMatchObject({ officialCode: '11914' });
    expect(byName('Ủy ban nhân dân xã Cẩm Giàng')).toMatchObject({ officialCode: '10903' });
  });

  it('knows the commune-level units of both former provinces on 30/06/2025: 167 of Hải Phòng, 207 of Hải Dương', () => {
    const then = onDate('2025-06-30').filter((u) => u.kind === 'commune');
    expect(then.filter((u) => u.parentCode === 'HP.HD')).toHaveLength(207);
    expect(then.filter((u) => u.parentCode !== 'HP.HD')).toHaveLength(167);
    for (const u of then) expect(u.validTo, u.code).toBe('2025-06-30');
  });

  it('gives every new unit its predecessors, and every former commune a successor among them', () => {
    const predecessors = new Map<string, string[]>();
    for (const u of ORGANISATION) for (const s of u.successorCodes ?? []) predecessors.set(s, [...(predecessors.get(s) ?? []), u.code]);
    for (const u of now) expect(predecessors.get(u.code)?.length, u.code).toBeGreaterThan(0);
    // xã Hà Đông (Thanh Hà, former Hải Dương): xã Thanh Hồng, Vĩnh Cường, Thanh Quang.
    expect(predecessors.get('HP.XA.HADONG')?.sort()).toEqual(['HP.HD.XTHANHHONG', 'HP.HD.XTHANHQUANG', 'HP.HD.XVINHCUONG']);
    expect(unit('HP.HD.XTHANHHONG')).toMatchObject({ name: 'Ủy ban nhân dân xã Thanh Hồng', parentCode: 'HP.HD', successorCodes: ['HP.XA.HADONG'] });
    // phường Lê Chân: eight wards of quận Lê Chân; phường An Biên keeps its name and is An Biên's principal successor.
    expect(predecessors.get('HP.P.LECHAN')).toHaveLength(8 + 1);
    expect(unit('HP.X.LECHAN.PANBIEN').successorCodes).toEqual(['HP.P.ANBIEN', 'HP.P.LECHAN']);
    expect(unit('HP.X.LECHAN.PHANGKENH')).toMatchObject({ parentCode: 'HP.Q.LECHAN', successorCodes: ['HP.P.LECHAN'] });
    // The two xã Hòa Bình (Vĩnh Bảo in Hải Phòng, and former Hải Dương) are two units, told apart by name.
    expect(unit('HP.X.VINHBAO.XHOABINH').name).toBe('Ủy ban nhân dân xã Hòa Bình (huyện Vĩnh Bảo)');
    expect(unit('HP.HD.XHOABINH').name).toBe('Ủy ban nhân dân xã Hòa Bình (tỉnh Hải Dương)');
  });
});

/**
 * The units the gold file names, with the date of the document that names them. A copy,
 * so the test runs without /work/shared; the next block checks it against the file itself.
 */
const GOLD_NAMES: [date: string, names: string[]][] = [
  [
    '2023-01-18', // 000, 139/UBND-KSTTHC: assignments and the three evaluation lists
    [
      'Sở Thông tin và Truyền thông',
      'Sở Tài chính',
      'Sở Nội vụ',
      'Cục Thi hành án dân sự thành phố',
      'Sở Kế hoạch và Đầu tư',
      'Sở Văn hóa và Thể thao',
      'Công an thành phố',
      'Ban Quản lý Khu Kinh tế Hải Phòng',
      'Bộ Chỉ huy quân sự thành phố',
      'Sở Xây dựng',
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Khoa học và Công nghệ',
      'Văn phòng UBND thành phố',
      'Thanh tra thành phố',
      'Sở Công Thương',
      'Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân thành phố',
      'Sở Tài Nguyên và Môi trường',
      'Báo Hải Phòng',
      'Sở Y tế',
      'Sở Giao thông vận tải',
      'Sở Giáo dục và Đào tạo',
      'Sở Tư pháp',
      'Sở Du lịch',
    ],
  ],
  ['2022-07-22', ['Sở Tài nguyên và Môi trường', 'Sở Thông tin và Truyền thông']], // 001
  [
    '2020-03-24', // 003, 149/TB-UBND
    ['Sở Nội vụ', 'Văn phòng Ủy ban nhân dân thành phố', 'Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'],
  ],
  ['2022-03-24', ['Sở Thông tin và Truyền thông', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Nội vụ']], // 004, 74/KH-UBND
];

/** Other ways the seed texts themselves write Hải Phòng units, with the document date. */
const SEED_TEXT_NAMES: [date: string, names: string[]][] = [
  ['2023-01-18', ['Văn phòng Đoàn ĐBQH và HĐND thành phố', 'Ủy ban nhân dân thành phố']],
  [
    '2022-07-22',
    ['Quận Hải An', 'Huyện Kiến Thụy', 'Thuỷ Nguyên', 'Ngô Quyền', 'Kiến An', 'Vĩnh Bảo', 'Dương Kinh', 'Ủy ban nhân dân thành phố'],
  ],
  [
    '2020-03-24',
    [
      'Sở Tư pháp',
      'Sở Tài chính',
      'Sở Kế hoạch và Đầu tư',
      'Thanh tra thành phố',
      'Hồng Bàng',
      'Dương Kinh',
      'Thủy Nguyên',
      'Cát Hải',
      'Đài Phát thanh và Truyền hình Hải Phòng',
      'Báo Hải Phòng',
    ],
  ],
  ['2022-03-24', ['UBND TP', 'UBNDTP', 'Ủy ban nhân dân thành phố Hải Phòng']],
];

describe('units named in the seeds and the gold file', () => {
  it.each(GOLD_NAMES)('gold file, document of %s: each name is exactly one valid unit', (date, names) => {
    for (const name of names) expect(resolve(name, date), name).toHaveLength(1);
  });

  it.each(SEED_TEXT_NAMES)('seed text of %s: each name is exactly one valid unit', (date, names) => {
    for (const name of names) expect(resolve(name, date), name).toHaveLength(1);
  });

  it('does not invent the other province’s office of seed 002 (“Văn phòng UBND tỉnh”)', () => {
    expect(resolve('Văn phòng UBND tỉnh', '2024-03-11')).toEqual([]);
    for (const name of ['Sở Thông tin và Truyền thông', 'Sở Tài chính', 'Sở Tư pháp']) {
      expect(resolve(name, '2024-03-11'), name).toHaveLength(1);
    }
  });

  const goldPath = fileURLToPath(new URL('../../../shared/eval/seeds-gold.json', import.meta.url));

  interface GoldDocument {
    file: string;
    metadata: { ngay_ban_hanh: string; co_quan: string };
    assignments: { lead: string; coordinators: string[] }[];
    evaluation?: Record<string, string[]>;
  }

  /** Group phrases ("các Sở, ngành, địa phương", "Thủ trưởng các sở …") are not units. */
  const isGroup = (s: string) => /^(cac |thu truong |co quan, don vi)/.test(foldVietnamese(s));

  it.skipIf(!existsSync(goldPath))('resolves every unit of the gold file (when shared/ is present)', () => {
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { documents: GoldDocument[] };
    for (const doc of gold.documents) {
      const date = doc.metadata.ngay_ban_hanh;
      const names = [
        ...doc.assignments.flatMap((a) => [a.lead, ...a.coordinators]),
        ...Object.values(doc.evaluation ?? {}).flat(),
      ].filter((s) => !isGroup(s));
      const haiPhong = doc.metadata.co_quan === 'Ủy ban nhân dân thành phố Hải Phòng';
      if (haiPhong) expect(resolve(doc.metadata.co_quan, date)).toEqual(['HP']);
      for (const name of names) {
        // Seed 002 is another province: its own offices ("… tỉnh") are not Hải Phòng units.
        if (!haiPhong && / tinh\b/.test(foldVietnamese(name))) continue;
        expect(resolve(name, date), `${doc.file}: ${name}`).toHaveLength(1);
      }
    }
  });
});
