import type { Db, Queryable } from '../db/client';
import { addWorkingDays } from '../core/calendar/working-days';
import { holidaySet, MAKEUP_SATURDAYS, VN_HOLIDAYS } from '../core/calendar/holidays';
import { cutoffWindow } from '../core/periods/cutoff';
import { reportDeadline, type DeadlineRule } from '../core/periods/deadline';
import { periodRange } from '../core/periods/period-range';
import { foldVietnamese } from '../core/text/fold';
import { recordAudit } from '../server/audit';
import { addContribution, applyDeltas, writeRateValues, type CountMap } from '../server/modules/dossiers/aggregates';
import { DOSSIER_SOURCE, ensureRateIndicators } from '../server/modules/dossiers/rate-indicators';
import { writeValues, type ValueWrite } from '../server/modules/indicators/values';
import { DEMO_DOSSIER_UNITS, DEMO_ONLINE_SHARE_2022, sampleDossiers } from './sample-dossiers';

/**
 * Indicators, targets and reports of the demo city.
 *
 * Real (from the sources, not sample): the KH 74/KH-UBND (24/03/2022) targets of
 * shared/eval/seeds-gold.json (1c: work files handled online, 60/50/30 % by level); the 60 %
 * online public-service dossier target of KH 128/KH-UBND (27/5/2022), quoted by the 22/07/2022
 * conclusion (seed 001) — a different indicator; the DTI main-index structure of QĐ 922/QĐ-BTTTT (9 main indices, points) and
 * QĐ 405/QĐ-BKHCN (8 main indices, points not published in the sources read); Hải Phòng's
 * DTI 2024 of 0,7857 (vn-specs §7.1).
 * SAMPLE (invented, `sample = true`): every other value, the dossiers behind the two rates
 * (their city online share over the first half of 2022 is exactly the seed's 27.9 %), the
 * interim quarterly and lower-level dossier targets, the monthly report regime and its reports,
 * the 2022 results of every KH 74 target, and the Hạ tầng số catalogue (KH 74 sets no numeric
 * infrastructure target) with its indicators, targets and values.
 */

const SYSTEM = { actorId: null, actorName: 'hệ thống (dữ liệu mẫu)' };

type Pillar = 'infrastructure' | 'government' | 'economy' | 'society' | 'other';

interface Def {
  code: string;
  name: string;
  pillar: Pillar;
  kind: 'raw' | 'ratio';
  unit: string;
  unitRule: 'sum' | 'ratio' | 'mean' | 'last';
  timeRule: 'sum' | 'ratio' | 'mean' | 'last';
  periodicity: 'month' | 'quarter' | 'year';
  source: string;
  num?: string;
  den?: string;
  maxPoints?: number;
  parent?: string;
  description?: string;
  /** An invented indicator (not from a published catalogue). */
  sample?: boolean;
}

const KH74 = { code: 'KH74-2022', name: 'Kế hoạch Chuyển đổi số thành phố Hải Phòng năm 2022', issuer: 'UBND thành phố Hải Phòng', doc: '74/KH-UBND ngày 24/03/2022', from: '2022-01-01', to: '2022-12-31' };
const STTTT = 'Sở Thông tin và Truyền thông';

/**
 * KH 128/KH-UBND of 27/5/2022: the online-dossier target (60 % of public-service dossiers
 * online in 2022). Known only through the conclusion of 22/07/2022 (seed 001, item 2:
 * "bảo đảm chỉ tiêu đã giao tại Kế hoạch 128/KH-UBND ngày 27/5/2022 …, phấn đấu năm 2022 toàn
 * thành phố đạt tỷ lệ 60% hồ sơ trực tuyến"); the plan's own title and text were not read.
 */
export const KH128 = {
  code: '128/KH-UBND',
  title: 'Kế hoạch số 128/KH-UBND ngày 27/5/2022 của UBND thành phố Hải Phòng (chỉ tiêu dịch vụ công trực tuyến)',
  note: 'Chỉ tiêu 60 % hồ sơ TTHC trực tuyến năm 2022 — Kế hoạch 128/KH-UBND ngày 27/5/2022, dẫn tại Thông báo kết luận ngày 22/07/2022 (phiên họp thứ 2 BCĐ CĐS thành phố, mục 2). Khác chỉ tiêu 60/50/30 % hồ sơ công việc xử lý trên môi trường mạng của KH 74/KH-UBND (mục 1c).',
} as const;

/** KH 74 targets (seeds-gold.json, document 004) as indicators, with the plan's city-level target. */
const KH74_DEFS: Array<Def & { gold: string; target: number }> = [
  { gold: '1a', target: 100, code: 'KH74_1A', name: 'Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến mức độ 4', pillar: 'government', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: STTTT, num: 'Số TTHC cung cấp DVCTT mức độ 4', den: 'Số TTHC đủ điều kiện' },
  { gold: '1b', target: 100, code: 'KH74_1B', name: 'Tỷ lệ người dân, doanh nghiệp sử dụng DVCTT được định danh và xác thực thông suốt', pillar: 'government', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: STTTT, num: 'Số tài khoản được định danh, xác thực thông suốt', den: 'Số tài khoản sử dụng DVCTT' },
  { gold: '1c', target: 60, code: 'KH74_1C', name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', pillar: 'government', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'ratio', periodicity: 'month', source: STTTT, num: 'Số hồ sơ công việc xử lý trên môi trường mạng', den: 'Tổng số hồ sơ công việc', description: 'Hồ sơ công việc (văn bản, hồ sơ xử lý nội bộ) của cơ quan nhà nước, không phải hồ sơ thủ tục hành chính. KH 74/KH-UBND ngày 24/03/2022, mục II.1c: cấp thành phố 60 %, cấp huyện 50 %, cấp xã 30 %. Khác chỉ tiêu 60 % hồ sơ TTHC trực tuyến của KH 128/KH-UBND.' },
  { gold: '1d', target: 70, code: 'KH74_1D', name: 'Tỷ lệ chế độ báo cáo được thực hiện trên Hệ thống thông tin báo cáo quốc gia', pillar: 'government', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'ratio', periodicity: 'month', source: STTTT, num: 'Số báo cáo gửi qua Hệ thống thông tin báo cáo', den: 'Tổng số báo cáo định kỳ' },
  { gold: '2a', target: 10, code: 'KH74_2A', name: 'Tỷ trọng kinh tế số trong GRDP', pillar: 'economy', kind: 'raw', unit: '%', unitRule: 'mean', timeRule: 'last', periodicity: 'year', source: 'Cục Thống kê thành phố' },
  { gold: '2b', target: 9, code: 'KH74_2B', name: 'Tỷ trọng kinh tế số trong từng ngành, lĩnh vực (tối thiểu)', pillar: 'economy', kind: 'raw', unit: '%', unitRule: 'mean', timeRule: 'last', periodicity: 'year', source: 'Cục Thống kê thành phố' },
  { gold: '2c', target: 15, code: 'KH74_2C', name: 'Tăng năng suất lao động hằng năm (tối thiểu)', pillar: 'economy', kind: 'raw', unit: '%', unitRule: 'mean', timeRule: 'last', periodicity: 'year', source: 'Cục Thống kê thành phố' },
  { gold: '3a', target: 80, code: 'KH74_3A', name: 'Tỷ lệ hộ gia đình được phủ hạ tầng băng rộng cáp quang', pillar: 'society', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: STTTT, num: 'Số hộ gia đình được phủ cáp quang', den: 'Tổng số hộ gia đình' },
  { gold: '3c-tt', target: 30, code: 'KH74_3C_TT', name: 'Tỷ lệ dân số có tài khoản thanh toán điện tử', pillar: 'society', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: 'Ngân hàng Nhà nước chi nhánh Hải Phòng', num: 'Số người có tài khoản thanh toán điện tử', den: 'Dân số' },
  { gold: '3c-dd', target: 20, code: 'KH74_3C_DD', name: 'Tỷ lệ người dân được cung cấp danh tính số trên nền tảng di động (tối thiểu)', pillar: 'society', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: 'Công an thành phố', num: 'Số người có danh tính số', den: 'Dân số' },
];

const DTI_SOURCE_922 = 'Bộ Thông tin và Truyền thông';
const DTI_SOURCE_405 = 'Bộ Khoa học và Công nghệ';
const dti = (code: string, name: string, pillar: Pillar, source: string, maxPoints?: number, parent?: string): Def => ({
  code, name, pillar, kind: 'raw', unit: 'điểm (0–1)', unitRule: 'mean', timeRule: 'last', periodicity: 'year', source, maxPoints, parent,
  description: 'Giá trị công bố = điểm đạt / điểm tối đa, trong [0, 1]. Tỉnh hợp nhất lấy trung bình cộng các chỉ số chính của các tỉnh trước hợp nhất.',
});

/** QĐ 922/QĐ-BTTTT (20/05/2022), Phụ lục 1: 9 main indices, 98 components, 1,000 points (vn-specs §1.1). */
const DTI_922: Def[] = [
  dti('DTI922', 'Chỉ số chuyển đổi số cấp tỉnh (DTI) – QĐ 922', 'other', DTI_SOURCE_922, 1000),
  dti('DTI922_G1', 'Nhóm chỉ số nền tảng chung', 'other', DTI_SOURCE_922, 500, 'DTI922'),
  dti('DTI922_1', 'Nhận thức số', 'other', DTI_SOURCE_922, 100, 'DTI922_G1'),
  dti('DTI922_2', 'Thể chế số', 'other', DTI_SOURCE_922, 100, 'DTI922_G1'),
  dti('DTI922_3', 'Hạ tầng số', 'infrastructure', DTI_SOURCE_922, 100, 'DTI922_G1'),
  dti('DTI922_4', 'Nhân lực số', 'other', DTI_SOURCE_922, 100, 'DTI922_G1'),
  dti('DTI922_5', 'An toàn thông tin mạng', 'infrastructure', DTI_SOURCE_922, 100, 'DTI922_G1'),
  dti('DTI922_6', 'Đô thị thông minh (không tính điểm)', 'other', DTI_SOURCE_922, 0, 'DTI922_G1'),
  dti('DTI922_G2', 'Nhóm chỉ số hoạt động', 'other', DTI_SOURCE_922, 500, 'DTI922'),
  dti('DTI922_7', 'Hoạt động chính quyền số', 'government', DTI_SOURCE_922, 200, 'DTI922_G2'),
  dti('DTI922_8', 'Hoạt động kinh tế số', 'economy', DTI_SOURCE_922, 150, 'DTI922_G2'),
  dti('DTI922_9', 'Hoạt động xã hội số', 'society', DTI_SOURCE_922, 150, 'DTI922_G2'),
];

/** QĐ 405/QĐ-BKHCN (03/04/2025): 8 main indices, 47 components; points per index not in the sources read. */
const DTI_405: Def[] = [
  dti('DTI405', 'Chỉ số chuyển đổi số cấp tỉnh (DTI) – QĐ 405', 'other', DTI_SOURCE_405, 1000),
  dti('DTI405_1', 'Nhận thức số', 'other', DTI_SOURCE_405, undefined, 'DTI405'),
  dti('DTI405_2', 'Thể chế số', 'other', DTI_SOURCE_405, undefined, 'DTI405'),
  dti('DTI405_3', 'Hạ tầng số', 'infrastructure', DTI_SOURCE_405, undefined, 'DTI405'),
  dti('DTI405_4', 'Nhân lực số', 'other', DTI_SOURCE_405, undefined, 'DTI405'),
  dti('DTI405_5', 'An toàn thông tin mạng', 'infrastructure', DTI_SOURCE_405, undefined, 'DTI405'),
  dti('DTI405_6', 'Hoạt động chính quyền số', 'government', DTI_SOURCE_405, undefined, 'DTI405'),
  dti('DTI405_7', 'Hoạt động kinh tế số', 'economy', DTI_SOURCE_405, undefined, 'DTI405'),
  dti('DTI405_8', 'Hoạt động xã hội số', 'society', DTI_SOURCE_405, undefined, 'DTI405'),
];

/**
 * Hạ tầng số has no numeric target in KH 74 (its fibre target 3a sits under Xã hội số; 3b asks
 * for 5G in the central urban area and industrial zones without a figure), so the pillar gets a
 * SAMPLE catalogue: indicators, 2022 targets and values all invented and labelled sample.
 */
const HTS = { code: 'MAU-HTS-2022', name: 'Chỉ số hạ tầng số năm 2022 (dữ liệu mẫu)', issuer: STTTT, doc: 'Dữ liệu mẫu: chỉ số và chỉ tiêu do Hải Đăng đề xuất, không trích từ văn bản ban hành', from: '2022-01-01', to: '2022-12-31' };
const HTS_NOTE = 'Dữ liệu mẫu: chỉ số và chỉ tiêu do Hải Đăng đề xuất để minh họa trụ cột Hạ tầng số, không trích từ văn bản ban hành.';
const HTS_DEFS: Array<Def & { target: number }> = [
  { target: 99, code: 'HTS_4G_DANSO', name: 'Tỷ lệ dân số được phủ sóng di động 4G (mẫu)', pillar: 'infrastructure', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: STTTT, num: 'Số dân trong vùng phủ sóng 4G', den: 'Dân số', description: HTS_NOTE, sample: true },
  { target: 100, code: 'HTS_XA_CAPQUANG', name: 'Tỷ lệ xã, phường, thị trấn có hạ tầng cáp quang băng rộng (mẫu)', pillar: 'infrastructure', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: STTTT, num: 'Số xã, phường, thị trấn có cáp quang đến trung tâm', den: 'Tổng số xã, phường, thị trấn', description: HTS_NOTE, sample: true },
  { target: 50, code: 'HTS_5G_KCN', name: 'Tỷ lệ khu công nghiệp có sóng 5G (mẫu)', pillar: 'infrastructure', kind: 'ratio', unit: '%', unitRule: 'ratio', timeRule: 'last', periodicity: 'year', source: STTTT, num: 'Số khu công nghiệp có sóng 5G', den: 'Số khu công nghiệp đang hoạt động', description: `${HTS_NOTE} Gắn với KH 74 mục 3b (triển khai 5G tại khu đô thị trung tâm, khu công nghiệp), mục này không nêu tỷ lệ.`, sample: true },
];

/**
 * SAMPLE 2022 figures per district (rounded, invented around the city's order of magnitude:
 * about 2.1 million people, some 220 communes): population, communes, and the shares the sample
 * values apply — fibre-covered households (3a), 4G population coverage, communes with fibre,
 * people with a mobile digital identity (3c). Bạch Long Vĩ has no communes.
 */
const DISTRICTS_2022: ReadonlyArray<{ code: string; population: number; communes: number; noFibreCommunes: number; fibreHh: number; cover4g: number; eid: number }> = [
  { code: 'HP.Q.HONGBANG', population: 118_000, communes: 11, noFibreCommunes: 0, fibreHh: 0.98, cover4g: 1, eid: 0.17 },
  { code: 'HP.Q.NGOQUYEN', population: 176_000, communes: 13, noFibreCommunes: 0, fibreHh: 0.99, cover4g: 1, eid: 0.18 },
  { code: 'HP.Q.LECHAN', population: 226_000, communes: 15, noFibreCommunes: 0, fibreHh: 0.98, cover4g: 1, eid: 0.17 },
  { code: 'HP.Q.HAIAN', population: 139_000, communes: 8, noFibreCommunes: 0, fibreHh: 0.96, cover4g: 1, eid: 0.16 },
  { code: 'HP.Q.KIENAN', population: 121_000, communes: 10, noFibreCommunes: 0, fibreHh: 0.93, cover4g: 1, eid: 0.14 },
  { code: 'HP.Q.DOSON', population: 58_000, communes: 7, noFibreCommunes: 0, fibreHh: 0.88, cover4g: 0.998, eid: 0.13 },
  { code: 'HP.Q.DUONGKINH', population: 61_000, communes: 6, noFibreCommunes: 0, fibreHh: 0.86, cover4g: 0.999, eid: 0.12 },
  { code: 'HP.H.THUYNGUYEN', population: 330_000, communes: 37, noFibreCommunes: 0, fibreHh: 0.82, cover4g: 0.997, eid: 0.12 },
  { code: 'HP.H.ANDUONG', population: 195_000, communes: 16, noFibreCommunes: 0, fibreHh: 0.85, cover4g: 0.998, eid: 0.12 },
  { code: 'HP.H.ANLAO', population: 150_000, communes: 17, noFibreCommunes: 0, fibreHh: 0.76, cover4g: 0.996, eid: 0.1 },
  { code: 'HP.H.KIENTHUY', population: 146_000, communes: 18, noFibreCommunes: 0, fibreHh: 0.74, cover4g: 0.996, eid: 0.1 },
  { code: 'HP.H.TIENLANG', population: 158_000, communes: 23, noFibreCommunes: 1, fibreHh: 0.71, cover4g: 0.994, eid: 0.09 },
  { code: 'HP.H.VINHBAO', population: 184_000, communes: 30, noFibreCommunes: 1, fibreHh: 0.69, cover4g: 0.994, eid: 0.09 },
  { code: 'HP.H.CATHAI', population: 35_000, communes: 12, noFibreCommunes: 2, fibreHh: 0.72, cover4g: 0.985, eid: 0.11 },
  { code: 'HP.H.BACHLONGVI', population: 950, communes: 0, noFibreCommunes: 0, fibreHh: 0.3, cover4g: 1, eid: 0.32 },
];
const PEOPLE_PER_HOUSEHOLD = 3.3;

/** SAMPLE 2022 per department: TTHC eligible for level-4 online service and those provided (KH 74 mục 1a). Sở TN&MT is low, as seed 001 asks it to speed up level 3–4 land services. */
const LEVEL4_2022: ReadonlyArray<{ code: string; eligible: number; provided: number }> = [
  { code: 'HP.SKHDT', eligible: 96, provided: 94 },
  { code: 'HP.STNMT', eligible: 88, provided: 69 },
  { code: 'HP.SXD', eligible: 52, provided: 47 },
  { code: 'HP.SGTVT', eligible: 120, provided: 120 },
  { code: 'HP.STP', eligible: 110, provided: 104 },
  { code: 'HP.SLDTBXH', eligible: 84, provided: 80 },
  { code: 'HP.SCT', eligible: 118, provided: 118 },
  { code: 'HP.SYT', eligible: 92, provided: 86 },
  { code: 'HP.STTTT', eligible: 40, provided: 40 },
  { code: 'HP.SGDDT', eligible: 58, provided: 56 },
  { code: 'HP.SNV', eligible: 64, provided: 60 },
  { code: 'HP.STC', eligible: 22, provided: 22 },
  { code: 'HP.SNNPTNT', eligible: 76, provided: 68 },
  { code: 'HP.SVHTT', eligible: 70, provided: 66 },
  { code: 'HP.SDL', eligible: 28, provided: 28 },
  { code: 'HP.SKHCN', eligible: 38, provided: 36 },
  { code: 'HP.BQLKKT', eligible: 60, provided: 57 },
];

async function catalogue(tx: Queryable, c: { code: string; name: string; issuer: string; doc: string; from: string; to: string | null }, sample = false) {
  await tx.query(
    `insert into indicator_catalogues (code, name, issuer, document_ref, valid_from, valid_to, sample) values ($1, $2, $3, $4, $5, $6, $7) on conflict (code) do nothing`,
    [c.code, c.name, c.issuer, c.doc, c.from, c.to, sample],
  );
  return (await tx.query<{ id: string }>('select id from indicator_catalogues where code = $1', [c.code]))[0]!.id;
}

async function indicators(tx: Queryable, catalogueId: string, defs: readonly Def[], validFrom: string, validTo: string | null): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, d] of defs.entries()) {
    const rows = await tx.query<{ id: string }>(
      `insert into indicators (catalogue_id, code, name, name_folded, pillar, parent_id, unit_of_measure, kind, numerator_label, denominator_label,
                               unit_rule, time_rule, direction, periodicity, source_agency, max_points, description, sort_order, valid_from, valid_to, sample)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'higher_better', $13, $14, $15, $16, $17, $18, $19, $20)
       on conflict (code) do update set name = indicators.name returning id`,
      [catalogueId, d.code, d.name, foldVietnamese(d.name), d.pillar, d.parent ? ids.get(d.parent) : null, d.unit, d.kind, d.num ?? null, d.den ?? null, d.unitRule, d.timeRule, d.periodicity, d.source, d.maxPoints ?? null, d.description ?? null, i + 1, validFrom, validTo, d.sample ?? false],
    );
    ids.set(d.code, rows[0]!.id);
  }
  return ids;
}

async function target(tx: Queryable, t: { indicatorId: string; level: 'city' | 'district' | 'commune'; period: string; value: number; planCode: string; planTitle?: string; note?: string; sample?: boolean }) {
  await tx.query(
    `insert into indicator_targets (indicator_id, plan_code, plan_title, level, period, value, note, sample) values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (indicator_id, plan_code, level, unit_id, period) do nothing`,
    [t.indicatorId, t.planCode, t.planTitle ?? (t.planCode === '74/KH-UBND' ? `${KH74.name} (${KH74.doc})` : null), t.level, t.period, t.value, t.note ?? null, t.sample ?? false],
  );
}

/** A deterministic pseudo-random number in [0, 1) for a key: the demo is the same on every machine. */
function hash01(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/**
 * The sample 2022 results: some targets met, some close, some far off. Year-end statistics are
 * entered in February of the next year, by the indicator's own source agency (the one a rollup
 * reads by default).
 */
function results2022(kh74: ReadonlyMap<string, string>, hts: ReadonlyMap<string, string>, unitId: (code: string) => string): ValueWrite[] {
  const year = periodRange('2022');
  const defs = new Map([...KH74_DEFS, ...HTS_DEFS].map((d) => [d.code, d]));
  const ids = new Map([...kh74, ...hts]);
  const out: ValueWrite[] = [];
  const put = (code: string, unit: string, v: { value?: number; num?: number; den?: number; note?: string }) => {
    const def = defs.get(code)!;
    const ratio = v.num !== undefined && v.den !== undefined;
    out.push({
      indicatorId: ids.get(code)!, unitId: unitId(unit), provinceId: 'HP', period: '2022', periodType: 'year', periodStart: year.start, periodEnd: year.end,
      sourceAgency: def.source, value: ratio ? (v.num! / v.den!) * 100 : v.value!, numerator: ratio ? v.num! : null, denominator: ratio ? v.den! : null, note: v.note ?? null,
      status: 'approved', origin: 'seed', enteredBy: null, enteredByName: SYSTEM.actorName, enteredAt: '2023-02-15T09:00:00+07:00', sample: true,
    });
  };
  // Chính quyền số: 1a per department (amber overall, Sở TN&MT lowest); 1b from the city portal (amber).
  for (const d of LEVEL4_2022) put('KH74_1A', d.code, { num: d.provided, den: d.eligible });
  put('KH74_1B', 'HP', { num: 412_600, den: 478_900 });
  // Kinh tế số, from the statistics office for the city only: 2a met, 2b close, 2c far off.
  put('KH74_2A', 'HP', { value: 10.8 });
  put('KH74_2B', 'HP', { value: 7.4, note: 'Ngành, lĩnh vực có tỷ trọng kinh tế số thấp nhất' });
  put('KH74_2C', 'HP', { value: 9.6 });
  // Xã hội số: fibre households per district (met overall), payment accounts for the city (met),
  // mobile digital identity per district from the police (far off).
  const population = DISTRICTS_2022.reduce((a, d) => a + d.population, 0);
  for (const d of DISTRICTS_2022) {
    const households = Math.round(d.population / PEOPLE_PER_HOUSEHOLD);
    put('KH74_3A', d.code, { num: Math.round(households * d.fibreHh), den: households });
    put('KH74_3C_DD', d.code, { num: Math.round(d.population * d.eid), den: d.population });
    // Hạ tầng số (sample catalogue): 4G coverage met, communes with fibre close.
    put('HTS_4G_DANSO', d.code, { num: Math.round(d.population * d.cover4g), den: d.population });
    if (d.communes > 0) put('HTS_XA_CAPQUANG', d.code, { num: d.communes - d.noFibreCommunes, den: d.communes });
  }
  put('KH74_3C_TT', 'HP', { num: Math.round(population * 0.581), den: population });
  // 5G in industrial zones, city-wide: far off.
  put('HTS_5G_KCN', 'HP', { num: 3, den: 14 });
  return out;
}

const REGIME_CODE = 'HP-BC-CDS-THANG-2022';
const REGIME_RULE: DeadlineRule = { kind: 'working_days_after_cutoff', days: 2 };
const REGIME_DEPARTMENTS = ['HP.VPUBND', 'HP.SNV', 'HP.STC', 'HP.SKHDT', 'HP.SYT', 'HP.SGDDT', 'HP.SXD', 'HP.SGTVT', 'HP.STNMT', 'HP.STP', 'HP.SCT', 'HP.SDL'];

/** Loads the demo indicators, targets, dossier feed and monthly reports once. Returns false when already loaded. */
export async function seedDemoIndicators(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await tx.query("select 1 from app_settings where key = 'seed.indicators'")).length) return false;
    const units = new Map((await tx.query<{ id: string; code: string; kind: string; province_id: string }>('select id, code, kind, province_id from units')).map((u) => [u.code, u]));
    if (!units.has('HP')) return false;
    const unitId = (code: string) => units.get(code)!.id;

    // Catalogues and indicators.
    const kh74 = await indicators(tx, await catalogue(tx, KH74), KH74_DEFS, KH74.from, KH74.to);
    const dti922 = await indicators(tx, await catalogue(tx, { code: 'DTI-922', name: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (QĐ 922/QĐ-BTTTT)', issuer: 'Bộ Thông tin và Truyền thông', doc: '922/QĐ-BTTTT ngày 20/05/2022', from: '2022-05-20', to: '2025-04-02' }), DTI_922, '2021-01-01', '2025-04-02');
    await indicators(tx, await catalogue(tx, { code: 'DTI-405', name: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (QĐ 405/QĐ-BKHCN)', issuer: 'Bộ Khoa học và Công nghệ', doc: '405/QĐ-BKHCN ngày 03/04/2025', from: '2025-04-03', to: null }), DTI_405, '2025-01-01', null);
    const rates = await ensureRateIndicators(tx);
    const hts = await indicators(tx, await catalogue(tx, HTS, true), HTS_DEFS, HTS.from, HTS.to);

    // Targets: KH 74 as written; the interim quarters and the online-dossier levels are sample.
    for (const d of KH74_DEFS) await target(tx, { indicatorId: kh74.get(d.code)!, level: 'city', period: '2022', value: d.target, planCode: '74/KH-UBND', note: `KH 74, mục ${d.gold}` });
    await target(tx, { indicatorId: kh74.get('KH74_1C')!, level: 'district', period: '2022', value: 50, planCode: '74/KH-UBND', note: 'KH 74, mục 1c (cấp huyện)' });
    await target(tx, { indicatorId: kh74.get('KH74_1C')!, level: 'commune', period: '2022', value: 30, planCode: '74/KH-UBND', note: 'KH 74, mục 1c (cấp xã)' });
    for (const [q, v] of [[1, 45], [2, 50], [3, 55], [4, 60]] as const) {
      await target(tx, { indicatorId: kh74.get('KH74_1C')!, level: 'city', period: `2022-Q${q}`, value: v, planCode: '74/KH-UBND', note: 'Chỉ tiêu quý (dữ liệu mẫu)', sample: true });
    }
    // Two different 60 % targets (issue 16): online public-service dossiers are KH 128/KH-UBND's
    // (27/5/2022), quoted by the conclusion of 22/07/2022 (seed 001, item 2) against the 27,9 %
    // reached; KH 74's 60/50/30 % is work files handled online (KH74_1C above). KH 128 sets no
    // district or commune level in the sources read, so none is seeded.
    await target(tx, { indicatorId: rates.online, level: 'city', period: '2022', value: 60, planCode: KH128.code, planTitle: KH128.title, note: KH128.note });
    await target(tx, { indicatorId: rates.onTime, level: 'city', period: '2022', value: 95, planCode: 'MAU-2022', note: 'Dữ liệu mẫu', sample: true });
    for (const d of HTS_DEFS) await target(tx, { indicatorId: hts.get(d.code)!, level: 'city', period: '2022', value: d.target, planCode: 'MAU-2022', note: 'Dữ liệu mẫu', sample: true });

    // Published DTI 2024 of Hải Phòng (0,7857, rank 3): real, kept with its source.
    await writeValues(tx, [{
      indicatorId: dti922.get('DTI922')!, unitId: unitId('HP'), provinceId: 'HP', period: '2024', periodType: 'year', periodStart: '2024-01-01', periodEnd: '2024-12-31',
      sourceAgency: 'Bộ Khoa học và Công nghệ (công bố DTI 2024, 10/2025)', value: 0.7857, numerator: null, denominator: null, note: 'Xếp hạng 3/63',
      status: 'approved', origin: 'seed', enteredBy: null, enteredByName: SYSTEM.actorName,
    }]);

    // 2022 results of every target above that no feed or report fills (sample). Indicators
    // whose city figure is a sum over units get one value per district or department and none
    // on the city (the rollup adds them up); city-only statistics get one value on the city.
    await writeValues(tx, results2022(kh74, hts, unitId));

    // The dossier feed of 2022 (sample): the city's first half is exactly 27.9 % online.
    // Read at the end of 2022; dossiers still open then are left out, so no sample dossier is
    // carried into later years (and the nightly recount of open months finds nothing to move).
    const asOf = '2022-12-31T23:59:59+07:00';
    const dossiers = [...sampleDossiers({ year: 2022, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], perMonth: 1000, onlineShare: DEMO_ONLINE_SHARE_2022, units: DEMO_DOSSIER_UNITS, asOf, codePrefix: 'MAU' })].filter((d) => d.finishedAt !== null);
    for (let i = 0; i < dossiers.length; i += 2000) {
      const b = dossiers.slice(i, i + 2000);
      await tx.query(
        `insert into dossiers (province_id, unit_id, code, procedure_code, received_at, channel, fully_online, due_at, finished_at)
         select 'HP', * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::boolean[], $7::timestamptz[], $8::timestamptz[])`,
        [b.map((d) => unitId(d.unitCode)), b.map((d) => d.code), b.map((d) => d.procedureCode), b.map((d) => d.receivedAt), b.map((d) => d.channel), b.map((d) => d.fullyOnline), b.map((d) => (d.dueAt ? `${d.dueAt}T23:59:59.999+07:00` : null)), b.map((d) => d.finishedAt)],
      );
    }
    const counts: CountMap = new Map();
    for (const d of dossiers) addContribution(counts, unitId(d.unitCode), { receivedAt: d.receivedAt, channel: d.channel, fullyOnline: d.fullyOnline, dueAt: d.dueAt, finishedAt: d.finishedAt }, asOf);
    await applyDeltas(tx, counts, new Map([...units.values()].map((u) => [u.id, u.province_id])), asOf);
    const pairs = [...counts.keys()].map((k) => ({ unitId: k.split('|')[0]!, month: k.split('|')[1]! }));
    await writeRateValues(tx, pairs, { id: null, name: SYSTEM.actorName }, null, asOf, true);

    // The monthly report regime of 2022 and its reports for January–June (sample).
    const reporting = [...DEMO_DOSSIER_UNITS.filter((u) => units.get(u.code)?.kind === 'district').map((u) => u.code), ...REGIME_DEPARTMENTS].filter((c) => units.has(c));
    const regime = (await tx.query<{ id: string }>(
      `insert into report_regimes (province_id, code, title, content, report_kind, period_type, deadline_rule, receiving_unit_id, sending_method, legal_basis, valid_from, valid_to, sample)
       values ('HP', $1, $2, $3, 'periodic', 'month', $4, $5, $6, $7, '2022-01-01', '2022-12-31', true) returning id`,
      [
        REGIME_CODE,
        'Báo cáo tình hình thực hiện Kế hoạch chuyển đổi số năm 2022 (hằng tháng)',
        'Kết quả thực hiện các chỉ tiêu, nhiệm vụ của Kế hoạch 74/KH-UBND trong tháng; khó khăn, vướng mắc; đề xuất, kiến nghị. Số liệu chốt theo Điều 12 Nghị định 09/2019/NĐ-CP.',
        JSON.stringify(REGIME_RULE),
        unitId('HP.STTTT'),
        'Hệ thống Hải Đăng (văn bản điện tử có chữ ký số)',
        'Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ; Kế hoạch số 74/KH-UBND ngày 24/03/2022 của UBND thành phố (chế độ báo cáo là dữ liệu mẫu)',
      ],
    ))[0]!.id;
    const fields = [
      { kind: 'indicator', indicator: kh74.get('KH74_1C')!, label: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', required: true },
      { kind: 'indicator', indicator: kh74.get('KH74_1D')!, label: 'Tỷ lệ chế độ báo cáo thực hiện trên Hệ thống thông tin báo cáo quốc gia', required: false },
      { kind: 'text', indicator: null, label: 'Kết quả thực hiện nhiệm vụ chuyển đổi số trong tháng', required: true },
      { kind: 'text', indicator: null, label: 'Khó khăn, vướng mắc', required: false },
      { kind: 'text', indicator: null, label: 'Đề xuất, kiến nghị', required: false },
    ];
    const fieldIds: string[] = [];
    for (const [i, f] of fields.entries()) {
      fieldIds.push((await tx.query<{ id: string }>('insert into report_regime_fields (regime_id, position, kind, indicator_id, label, required) values ($1, $2, $3, $4, $5, $6) returning id', [regime, i + 1, f.kind, f.indicator, f.label, f.required]))[0]!.id);
    }
    await tx.query('insert into report_regime_units (regime_id, unit_id) select $1, unnest($2::uuid[])', [regime, reporting.map(unitId)]);

    const holidays = holidaySet([...VN_HOLIDAYS, ...MAKEUP_SATURDAYS]);
    const writes: ValueWrite[] = [];
    const texts = ['Triển khai phần mềm quản lý văn bản và điều hành đến 100 % phòng, ban; duy trì gửi nhận văn bản điện tử có chữ ký số.', 'Tổ chức tuyên truyền sử dụng dịch vụ công trực tuyến tại bộ phận một cửa.', 'Rà soát, cập nhật danh mục thủ tục hành chính cung cấp trực tuyến.'];
    const difficulties = ['Hạ tầng máy trạm một số bộ phận đã cũ.', 'Người dân còn quen nộp hồ sơ trực tiếp.', ''];
    for (let m = 1; m <= 6; m++) {
      const period = `2022-M${String(m).padStart(2, '0')}`;
      const deadline = reportDeadline(period, REGIME_RULE, holidays);
      const cutoffEnd = cutoffWindow(period).end;
      for (const code of reporting) {
        const r = hash01(`${code}|${period}`);
        // June is the month being worked on: some reports still wait for approval, one was sent back.
        const outcome = r < 0.07 ? 'missing' : r < 0.19 ? 'late' : m === 6 && r > 0.85 ? 'submitted' : m === 6 && r > 0.8 ? 'returned' : 'on_time';
        if (outcome === 'missing') continue;
        const submittedDay = outcome === 'late' ? addWorkingDays(deadline, 1 + Math.floor(r * 30) % 4, holidays) : addWorkingDays(cutoffEnd, 1 + Math.floor(r * 10) % 2, holidays);
        const submittedAt = `${submittedDay}T${String(8 + Math.floor(r * 90) % 9).padStart(2, '0')}:15:00+07:00`;
        const status = outcome === 'submitted' ? 'submitted' : outcome === 'returned' ? 'returned' : 'approved';
        const district = units.get(code)!.kind === 'district';
        const den = Math.round((district ? 600 : 350) + hash01(`${code}|den`) * 900);
        const share = (district ? 0.38 : 0.5) + hash01(`${code}|share`) * 0.25 + m * 0.012;
        const num = Math.min(den, Math.round(den * share));
        const repDen = 10 + Math.floor(hash01(`${code}|rep`) * 8);
        const repNum = Math.min(repDen, Math.round(repDen * (0.45 + hash01(`${code}|${period}|r`) * 0.4)));
        const answers = {
          [fieldIds[0]!]: { value: null, numerator: num, denominator: den },
          [fieldIds[1]!]: { value: null, numerator: repNum, denominator: repDen },
          [fieldIds[2]!]: { text: texts[Math.floor(r * 3) % 3] },
          [fieldIds[3]!]: { text: difficulties[Math.floor(r * 7) % 3] },
          [fieldIds[4]!]: { text: '' },
        };
        const decidedAt = status === 'submitted' ? null : `${addWorkingDays(submittedDay, 1, holidays)}T10:00:00+07:00`;
        const sub = (await tx.query<{ id: string }>(
          `insert into report_submissions (province_id, regime_id, unit_id, period, status, answers, submitted_at, first_submitted_at, decided_at, return_reason, sample)
           values ('HP', $1, $2, $3, $4, $5, $6, $6, $7, $8, true) returning id`,
          [regime, unitId(code), period, status, JSON.stringify(answers), submittedAt, decidedAt, status === 'returned' ? 'Số liệu tỷ lệ hồ sơ công việc chưa khớp với báo cáo của phần mềm quản lý văn bản; đề nghị rà soát, gửi lại.' : null],
        ))[0]!.id;
        await tx.query(`insert into report_submission_events (submission_id, at, actor_name, action, from_status, to_status) values ($1, $2, $3, 'submit', 'draft', 'submitted')`, [sub, submittedAt, SYSTEM.actorName]);
        if (decidedAt) await tx.query(`insert into report_submission_events (submission_id, at, actor_name, action, from_status, to_status, reason) values ($1, $2, $3, $4, 'submitted', $5, $6)`, [sub, decidedAt, SYSTEM.actorName, status === 'returned' ? 'return' : 'approve', status, status === 'returned' ? 'Số liệu chưa khớp; đề nghị rà soát, gửi lại.' : null]);
        const range = periodRange(period);
        for (const [k, [n, d]] of [[fieldIds[0], [num, den]], [fieldIds[1], [repNum, repDen]]] as const) {
          writes.push({
            indicatorId: k === fieldIds[0] ? kh74.get('KH74_1C')! : kh74.get('KH74_1D')!, unitId: unitId(code), provinceId: 'HP', period, periodType: 'month', periodStart: range.start, periodEnd: range.end,
            sourceAgency: STTTT, value: (n / d) * 100, numerator: n, denominator: d, note: null, status, origin: 'report', submissionId: sub, enteredBy: null, enteredByName: SYSTEM.actorName, enteredAt: submittedAt, sample: true,
          });
        }
      }
    }
    await writeValues(tx, writes);

    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'indicator', after: { catalogues: 5, dossiers: dossiers.length, reportValues: writes.length, regime: REGIME_CODE, dossierSource: DOSSIER_SOURCE } });
    await tx.query(`insert into app_settings (key, value) values ('seed.indicators', $1) on conflict (key) do nothing`, [JSON.stringify({ at: new Date().toISOString(), dossiers: dossiers.length })]);
    return true;
  });
}

/**
 * The current year (SAMPLE, issue 14): the wall opens on the year of the server's clock, so the
 * demo carries that year too — a sample plan "Chỉ tiêu chuyển đổi số năm N (dữ liệu mẫu)" with
 * the yearly KH 74 and Hạ tầng số indicators, their city targets, and year-to-date values per
 * commune (the map's level since 01/07/2025), per department, or for the city. Some units meet
 * the target, some are close and some far off, so the map shows red, amber and green.
 */
export async function seedDemoIndicatorsCurrentYear(db: Db, today: string): Promise<boolean> {
  const year = Number(today.slice(0, 4));
  if (year <= 2022) return false;
  return db.transaction(async (tx) => {
    const code = `MAU-CDS-${year}`;
    if ((await tx.query('select 1 from indicator_catalogues where code = $1', [code])).length) return false;
    const root = (await tx.query<{ id: string }>(`select id from units where code = 'HP'`))[0];
    if (!root) return false;
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const units = await tx.query<{ id: string; code: string; kind: string }>(
      `select id, code, kind from units where kind in ('commune', 'department') and valid_from <= $1 and (valid_to is null or valid_to >= $1) order by code`,
      [today],
    );
    const communes = units.filter((u) => u.kind === 'commune');
    const departments = units.filter((u) => u.kind === 'department');
    const defs = [...HTS_DEFS, ...KH74_DEFS].filter((d) => d.periodicity === 'year');
    const catalogueId = await catalogue(tx, { code, name: `Chỉ tiêu chuyển đổi số năm ${year} (dữ liệu mẫu)`, issuer: STTTT, doc: 'Dữ liệu mẫu: chỉ tiêu năm hiện hành do Hải Đăng lập để minh họa màn hình điều hành, không trích từ văn bản ban hành', from, to }, true);
    const named = defs.map((d) => ({ ...d, code: `${d.code}_${year}`, name: d.name.endsWith('(mẫu)') ? d.name : `${d.name} (mẫu)`, sample: true }));
    const ids = await indicators(tx, catalogueId, named, from, to);
    const id = (base: string) => ids.get(`${base}_${year}`)!;
    for (const d of defs) await target(tx, { indicatorId: id(d.code), level: 'city', period: String(year), value: d.target, planCode: `MAU-${year}`, note: 'Dữ liệu mẫu', sample: true });
    // Each commune is judged against the commune level's target (the map colours them by it).
    for (const [base, value] of [['HTS_4G_DANSO', 99], ['HTS_XA_CAPQUANG', 100], ['KH74_3A', 80], ['KH74_3C_DD', 20]] as const) {
      await target(tx, { indicatorId: id(base), level: 'commune', period: String(year), value, planCode: `MAU-${year}`, note: 'Dữ liệu mẫu (cấp xã)', sample: true });
    }

    const enteredAt = `${today}T08:00:00+07:00`;
    const out: ValueWrite[] = [];
    const put = (base: string, unitId: string, v: { value?: number; num?: number; den?: number }) => {
      const def = defs.find((d) => d.code === base)!;
      const ratio = v.num !== undefined && v.den !== undefined;
      out.push({
        indicatorId: id(base), unitId, provinceId: 'HP', period: String(year), periodType: 'year', periodStart: from, periodEnd: to,
        sourceAgency: def.source, value: ratio ? (v.num! / v.den!) * 100 : v.value!, numerator: ratio ? v.num! : null, denominator: ratio ? v.den! : null, note: null,
        status: 'approved', origin: 'seed', enteredBy: null, enteredByName: SYSTEM.actorName, enteredAt, sample: true,
      });
    };
    // Shares spread so that about a sixth of the units miss the target by more than 20 %.
    const share = (key: string, low: number, high: number) => Math.min(1, low + (high - low) * hash01(`${year}|${key}`));
    for (const c of communes) {
      const people = 8_000 + Math.round(hash01(`${c.code}|people`) * 40_000);
      const households = Math.round(people / PEOPLE_PER_HOUSEHOLD);
      put('HTS_4G_DANSO', c.id, { num: Math.round(people * share(`${c.code}|4g`, 0.74, 1.04)), den: people });
      put('HTS_XA_CAPQUANG', c.id, { num: hash01(`${year}|${c.code}|fibre`) < 0.08 ? 0 : 1, den: 1 });
      put('KH74_3A', c.id, { num: Math.round(households * share(`${c.code}|hh`, 0.6, 1)), den: households });
      put('KH74_3C_DD', c.id, { num: Math.round(people * share(`${c.code}|eid`, 0.12, 0.34)), den: people });
    }
    for (const d of departments) {
      const eligible = 20 + Math.floor(hash01(`${d.code}|tthc`) * 80);
      put('KH74_1A', d.id, { num: Math.round(eligible * share(`${d.code}|l4`, 0.72, 1)), den: eligible });
    }
    put('KH74_1B', root.id, { num: 861_300, den: 934_800 });
    put('HTS_5G_KCN', root.id, { num: 9, den: 18 });
    put('KH74_2A', root.id, { value: 11.6 });
    put('KH74_2B', root.id, { value: 8.1 });
    put('KH74_2C', root.id, { value: 10.4 });
    put('KH74_3C_TT', root.id, { num: 2_980_000, den: 4_660_000 });
    await writeValues(tx, out);
    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'indicator', after: { catalogue: code, values: out.length } });
    return true;
  });
}
