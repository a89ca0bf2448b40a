import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Catalogue, value entry and rollups over HTTP. Every rollup number is recomputed here by
 * hand from the rows the test itself inserted.
 */
describe.each(ENGINES)('indicators over HTTP on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;
  let admin: Session;
  let leadership: Session;
  const unit = new Map<string, string>();
  const ind = { rate: '', count: '', score: '', formula: '' };

  const unitId = (code: string) => {
    const id = unit.get(code);
    if (!id) throw new Error(`no unit ${code}`);
    return id;
  };

  async function createIndicator(body: Record<string, unknown>) {
    const res = await call(s.app, coord, 'POST', '/api/indicators', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async function rollup(indicator: string, unitCode: string, period: string) {
    const res = await call(s.app, leadership, 'GET', `/api/indicators/${indicator}/rollup?unitId=${unitId(unitCode)}&period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    admin = await login(s.app, 'admin');
    leadership = await login(s.app, 'lanhdao');
    for (const u of await s.db.query<{ id: string; code: string }>('select id, code from units')) unit.set(u.code, u.id);
    const cat = await call(s.app, coord, 'POST', '/api/indicator-catalogues', { code: 'TEST', name: 'Bộ chỉ số kiểm thử', validFrom: '2020-01-01' });
    expect(cat.statusCode, cat.body).toBe(201);
    const base = { catalogueId: cat.json().id, pillar: 'government', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở Thông tin và Truyền thông', validFrom: '2020-01-01' };
    ind.rate = await createIndicator({ ...base, code: 'T_RATE', name: 'Tỷ lệ kiểm thử', kind: 'ratio', unitOfMeasure: '%', unitRule: 'ratio', timeRule: 'ratio', numeratorLabel: 'Số đạt', denominatorLabel: 'Tổng số' });
    ind.count = await createIndicator({ ...base, code: 'T_COUNT', name: 'Số lượng kiểm thử', kind: 'raw', unitOfMeasure: 'hồ sơ', unitRule: 'sum', timeRule: 'sum' });
    ind.score = await createIndicator({ ...base, code: 'T_SCORE', name: 'Điểm kiểm thử', kind: 'raw', unitOfMeasure: 'điểm', unitRule: 'mean', timeRule: 'last', periodicity: 'year' });
    ind.formula = await createIndicator({ ...base, code: 'T_DOUBLE', name: 'Gấp đôi số lượng', kind: 'formula', unitOfMeasure: 'hồ sơ', unitRule: 'sum', timeRule: 'sum', formula: 'T_COUNT * 2' });
  });
  afterAll(async () => s?.close());

  it('refuses a ratio indicator that would average percentages, and a formula over an unknown code', async () => {
    const cat = (await call(s.app, coord, 'GET', '/api/indicator-catalogues')).json().find((c: { code: string }) => c.code === 'TEST');
    const bad = await call(s.app, coord, 'POST', '/api/indicators', {
      catalogueId: cat.id, code: 'T_BAD', name: 'Sai', pillar: 'other', kind: 'ratio', unitOfMeasure: '%', unitRule: 'mean', timeRule: 'mean',
      direction: 'higher_better', periodicity: 'month', sourceAgency: 'X', validFrom: '2020-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('unitRule');
    const formula = await call(s.app, coord, 'POST', '/api/indicators', {
      catalogueId: cat.id, code: 'T_BAD2', name: 'Sai', pillar: 'other', kind: 'formula', formula: 'T_NOPE + 1', unitOfMeasure: 'x', unitRule: 'sum', timeRule: 'sum',
      direction: 'higher_better', periodicity: 'month', sourceAgency: 'X', validFrom: '2020-01-01',
    });
    expect(formula.statusCode).toBe(400);
    expect(formula.json().error.message).toMatch(/T_NOPE/);
    expect((await call(s.app, officer, 'POST', '/api/indicator-catalogues', { code: 'X', name: 'X', validFrom: '2020-01-01' })).statusCode).toBe(403);
  });

  it('lets a unit enter its own value, keeps who and when, and audits it', async () => {
    const res = await call(s.app, officer, 'POST', '/api/indicator-values', { indicatorId: ind.rate, unitId: unitId('HP.Q.LECHAN'), period: '2022-M06', numerator: 30, denominator: 100, channel: 'form' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ value: 30, numerator: 30, denominator: 100, status: 'submitted', origin: 'form', enteredBy: 'canbo.lechan', sourceAgency: 'Sở Thông tin và Truyền thông', version: 1 });
    const stale = await call(s.app, officer, 'POST', '/api/indicator-values', { indicatorId: ind.rate, unitId: unitId('HP.Q.LECHAN'), period: '2022-M06', numerator: 31, denominator: 100, version: 7 });
    expect(stale.statusCode).toBe(409);
    const edit = await call(s.app, officer, 'POST', '/api/indicator-values', { indicatorId: ind.rate, unitId: unitId('HP.Q.LECHAN'), period: '2022-M06', numerator: 35, denominator: 100, version: 1 });
    expect(edit.json()).toMatchObject({ value: 35, version: 2 });
    const audit = (await call(s.app, admin, 'GET', '/api/audit?entity=indicator_value')).json();
    const row = audit.items.find((i: { entityId: string; action: string }) => i.entityId === String(edit.json().id) && i.action === 'update');
    expect(row).toMatchObject({ actorName: 'canbo.lechan', before: { numerator: 30 }, after: { numerator: 35 } });
    // Put it back to the figure the rollup tests below use.
    await call(s.app, officer, 'POST', '/api/indicator-values', { indicatorId: ind.rate, unitId: unitId('HP.Q.LECHAN'), period: '2022-M06', numerator: 30, denominator: 100 });
  });

  it('keeps a unit to its own values and refuses values that break the rules', async () => {
    const other = await call(s.app, officer, 'POST', '/api/indicator-values', { indicatorId: ind.count, unitId: unitId('HP.Q.NGOQUYEN'), period: '2022-M06', value: 5 });
    expect(other.statusCode).toBe(403);
    expect((await call(s.app, admin, 'POST', '/api/indicator-values', { indicatorId: ind.count, unitId: unitId('HP.Q.LECHAN'), period: '2022-M06', value: 5 })).statusCode).toBe(403);
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ indicatorId: ind.rate, period: '2022-M06', numerator: 5 }, 'denominator', /mẫu số/],
      [{ indicatorId: ind.rate, period: '2022-M06', numerator: 50, denominator: 40 }, 'numerator', /không được lớn hơn/],
      [{ indicatorId: ind.count, period: '2022-Q2', value: 3 }, 'period', /theo kỳ tháng/],
      [{ indicatorId: ind.count, period: '2026-M01', value: 3 }, 'unitId', /không tồn tại trong kỳ/],
      [{ indicatorId: ind.formula, period: '2022-M06', value: 3 }, 'indicatorId', /công thức/],
    ];
    for (const [body, field, message] of cases) {
      const res = await call(s.app, officer, 'POST', '/api/indicator-values', { unitId: unitId('HP.Q.LECHAN'), ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.message).toMatch(message);
    }
  });

  // Rows inserted for the rollup tests: [unit, period, numerator, denominator]. Lê Chân 2022-M06 30/100 is already in.
  const RATE_ROWS: Array<[string, string, number, number]> = [
    ['HP.Q.LECHAN', '2022-M04', 10, 200],
    ['HP.Q.LECHAN', '2022-M05', 45, 90],
    ['HP.X.LECHAN.PHANGKENH', '2022-M05', 7, 10],
    ['HP.X.LECHAN.PANDUONG', '2022-M06', 1, 50],
    ['HP.Q.NGOQUYEN', '2022-M04', 300, 1000],
    ['HP.Q.NGOQUYEN', '2022-M06', 2, 4],
    ['HP.STTTT', '2022-M05', 80, 100],
    ['HP.Q.HAIAN', '2022-M07', 99, 100], // outside Q2: must not count
  ];

  it('rolls a ratio up as Σ numerators / Σ denominators over the unit subtree and the quarter', async () => {
    const batch = await call(s.app, coord, 'POST', '/api/indicator-values/batch', {
      values: RATE_ROWS.map(([u, period, numerator, denominator]) => ({ indicatorId: ind.rate, unitId: unitId(u), period, numerator, denominator })),
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const all: Array<[string, string, number, number]> = [['HP.Q.LECHAN', '2022-M06', 30, 100], ...RATE_ROWS];
    const q2 = all.filter(([, p]) => ['2022-M04', '2022-M05', '2022-M06'].includes(p));
    const num = q2.reduce((a, r) => a + r[2], 0);
    const den = q2.reduce((a, r) => a + r[3], 0);
    const city = await rollup(ind.rate, 'HP', '2022-Q2');
    expect(city.total.numerator).toBe(num);
    expect(city.total.denominator).toBe(den);
    expect(city.total.value).toBeCloseTo((num / den) * 100, 10);
    // The wrong answer (mean of the rates) is far from the right one here, so the test can fail.
    const meanOfRates = (q2.reduce((a, r) => a + r[2] / r[3], 0) / q2.length) * 100;
    expect(Math.abs(meanOfRates - city.total.value)).toBeGreaterThan(5);

    const lechan = city.children.find((c: { unitCode: string }) => c.unitCode === 'HP.Q.LECHAN');
    const lc = q2.filter(([u]) => u.includes('LECHAN'));
    expect(lechan.numerator).toBe(lc.reduce((a, r) => a + r[2], 0));
    expect(lechan.denominator).toBe(lc.reduce((a, r) => a + r[3], 0));
    // The monthly series of the city: each month Σnum/Σden of that month.
    const may = city.series.find((p: { period: string }) => p.period === '2022-M05');
    expect(may.value).toBeCloseTo(((45 + 7 + 80) / (90 + 10 + 100)) * 100, 10);
    expect(city.series.map((p: { period: string }) => p.period)).toEqual(['2022-M04', '2022-M05', '2022-M06']);
  });

  it('rolls history of a merged unit up to its successor (Sở TT&TT → Sở KH&CN; districts → wards)', async () => {
    await call(s.app, coord, 'POST', '/api/indicator-values/batch', {
      values: [
        { indicatorId: ind.count, unitId: unitId('HP.STTTT'), period: '2022-M03', value: 40 },
        { indicatorId: ind.count, unitId: unitId('HP.SKHCN'), period: '2022-M03', value: 2 },
        { indicatorId: ind.count, unitId: unitId('HP.Q.LECHAN'), period: '2022-M03', value: 100 },
        { indicatorId: ind.count, unitId: unitId('HP.X.LECHAN.PHANGKENH'), period: '2022-M03', value: 10 },
        { indicatorId: ind.count, unitId: unitId('HP.X.LECHAN.PANDUONG'), period: '2022-M03', value: 1 },
      ],
    });
    expect((await rollup(ind.count, 'HP.SKHCN', '2022')).total.value).toBe(42);
    expect((await rollup(ind.count, 'HP.STTTT', '2022')).total.value).toBe(40);
    // phường Lê Chân (primary successor of quận Lê Chân) inherits the district and phường Hàng
    // Kênh; the old phường An Dương of Lê Chân went to An Biên, which takes no share of the
    // district's own figures (NQ 1669/NQ-UBTVQH15).
    expect((await rollup(ind.count, 'HP.P.LECHAN', '2022')).total.value).toBe(110);
    expect((await rollup(ind.count, 'HP.P.ANBIEN', '2022')).total.value).toBe(1);
    // Sở VH-TT&DL took only the press work of Sở TT&TT: not its history.
    expect((await rollup(ind.count, 'HP.SVHTTDL', '2022')).total.value).toBe(null);
    const city = await rollup(ind.count, 'HP', '2022');
    expect(city.total.value).toBe(40 + 2 + 100 + 10 + 1);
    // Side by side in 2022, each department keeps its own figures: the children do not overlap.
    const child = (code: string) => city.children.find((c: { unitCode: string }) => c.unitCode === code)?.value;
    expect([child('HP.STTTT'), child('HP.SKHCN'), child('HP.Q.LECHAN')]).toEqual([40, 2, 111]);
    // The city's 2025 tree has no districts: their history shows under the new wards.
    await call(s.app, coord, 'POST', '/api/indicator-values/batch', { values: [{ indicatorId: ind.count, unitId: unitId('HP.Q.LECHAN'), period: '2025-M03', value: 7 }] });
    const c2025 = (await call(s.app, leadership, 'GET', `/api/indicators/${ind.count}/rollup?unitId=${unitId('HP')}&period=2025`)).json();
    expect(c2025.children.some((c: { kind: string }) => c.kind === 'district')).toBe(false);
    expect(c2025.children.find((c: { unitCode: string }) => c.unitCode === 'HP.P.LECHAN').value).toBe(7);
    expect(c2025.total.value).toBe(7);
    // A formula reads the rolled-up inputs.
    expect((await rollup(ind.formula, 'HP', '2022')).total.value).toBe(2 * 153);
  });

  it('rolls a 2024 figure of a former Hải Dương commune, and of a former Hải Phòng one, into its 2026 successor', async () => {
    // NQ 1669/NQ-UBTVQH15: xã Hà Đông (Thanh Hà) = xã Thanh Hồng + Vĩnh Cường + Thanh Quang of
    // former Hải Dương; xã Nguyễn Bỉnh Khiêm = xã Trấn Dương + Hòa Bình + Lý Học of huyện Vĩnh Bảo.
    // xã Hòa Bình of former Hải Dương is another unit: it goes to xã Hà Nam, not to Nguyễn Bỉnh Khiêm.
    const cat = (await call(s.app, coord, 'GET', '/api/indicator-catalogues')).json().find((c: { code: string }) => c.code === 'TEST');
    const count = await createIndicator({
      catalogueId: cat.id, code: 'T_MERGED', name: 'Số lượng qua sắp xếp', pillar: 'government', kind: 'raw', unitOfMeasure: 'hồ sơ',
      unitRule: 'sum', timeRule: 'sum', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở Nội vụ', validFrom: '2020-01-01',
    });
    const rows: Array<[string, number]> = [
      ['HP.HD.XTHANHHONG', 5],
      ['HP.HD.XVINHCUONG', 2],
      ['HP.X.VINHBAO.XHOABINH', 3],
      ['HP.X.VINHBAO.XLYHOC', 4],
      ['HP.HD.XHOABINH', 11],
    ];
    const batch = await call(s.app, coord, 'POST', '/api/indicator-values/batch', {
      values: rows.map(([u, value]) => ({ indicatorId: count, unitId: unitId(u), period: '2024-M03', value })),
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect((await rollup(count, 'HP.XA.HADONG', '2024')).total.value).toBe(5 + 2);
    expect((await rollup(count, 'HP.XA.NGUYENBINHKHIEM', '2024')).total.value).toBe(3 + 4);
    expect((await rollup(count, 'HP.XA.HANAM', '2024')).total.value).toBe(11);
    // Former Hải Dương's history counts for the city that took it in; in 2026 it shows under the new xã.
    expect((await rollup(count, 'HP', '2024')).total.value).toBe(5 + 2 + 3 + 4 + 11);
    expect((await rollup(count, 'HP.HD', '2024')).total.value).toBe(5 + 2 + 11);
    await call(s.app, coord, 'POST', '/api/indicator-values/batch', { values: [{ indicatorId: count, unitId: unitId('HP.HD.XTHANHQUANG'), period: '2025-M06', value: 6 }] });
    const c2025 = await rollup(count, 'HP', '2025');
    expect(c2025.children.find((c: { unitCode: string }) => c.unitCode === 'HP.XA.HADONG').value).toBe(6);
    expect(c2025.children.some((c: { unitCode: string }) => c.unitCode.startsWith('HP.HD'))).toBe(false);
  });

  it('uses the indicator’s own rules: mean over units, last over time', async () => {
    await call(s.app, coord, 'POST', '/api/indicator-values/batch', {
      values: [
        { indicatorId: ind.score, unitId: unitId('HP.Q.LECHAN'), period: '2022', value: 0.6 },
        { indicatorId: ind.score, unitId: unitId('HP.Q.NGOQUYEN'), period: '2022', value: 0.8 },
        { indicatorId: ind.score, unitId: unitId('HP.Q.HAIAN'), period: '2022', value: 0.7 },
      ],
    });
    expect((await rollup(ind.score, 'HP', '2022')).total.value).toBeCloseTo(0.7, 10);
    const monthly = await call(s.app, leadership, 'GET', `/api/indicators/${ind.score}/rollup?unitId=${unitId('HP')}&period=2022-M06`);
    expect(monthly.statusCode).toBe(400);
  });

  it('rolls a stock indicator ("last" over time) up as each child’s last value, and shows the month each came from', async () => {
    const stock = await createIndicator({
      catalogueId: (await call(s.app, coord, 'GET', `/api/indicators/${ind.count}`)).json().catalogueId, pillar: 'infrastructure', direction: 'higher_better', periodicity: 'month',
      sourceAgency: 'Sở Thông tin và Truyền thông', validFrom: '2020-01-01', code: 'T_STOCK', name: 'Số hệ thống đang vận hành', kind: 'raw', unitOfMeasure: 'hệ thống', unitRule: 'sum', timeRule: 'last',
    });
    // Ngô Quyền did not report in March: its February figure is its latest in the quarter.
    const rows: Array<[string, string, number]> = [
      ['HP.Q.LECHAN', '2022-M01', 5], ['HP.Q.LECHAN', '2022-M02', 6], ['HP.Q.LECHAN', '2022-M03', 7],
      ['HP.Q.NGOQUYEN', '2022-M01', 10], ['HP.Q.NGOQUYEN', '2022-M02', 12],
      ['HP.Q.HAIAN', '2022-M03', 6],
    ];
    const batch = await call(s.app, coord, 'POST', '/api/indicator-values/batch', { values: rows.map(([u, period, value]) => ({ indicatorId: stock, unitId: unitId(u), period, value })) });
    expect(batch.statusCode, batch.body).toBe(200);
    const city = await rollup(stock, 'HP', '2022-Q1');
    // 7 + 12 + 6, not March alone (7 + 6 = 13).
    expect(city.total.value).toBe(25);
    expect(city.total.valuePeriod).toBe('2022-M03');
    expect(city.total.valuePeriodEarliest).toBe('2022-M02');
    const listed = city.children.filter((c: { value: number | null }) => c.value !== null);
    expect(listed.reduce((a: number, c: { value: number }) => a + c.value, 0)).toBe(city.total.value);
    const child = (code: string) => city.children.find((c: { unitCode: string }) => c.unitCode === code);
    expect([child('HP.Q.LECHAN').value, child('HP.Q.LECHAN').valuePeriod]).toEqual([7, '2022-M03']);
    expect([child('HP.Q.NGOQUYEN').value, child('HP.Q.NGOQUYEN').valuePeriod, child('HP.Q.NGOQUYEN').valuePeriodLabel]).toEqual([12, '2022-M02', 'Tháng 2/2022']);
    expect(city.rule).toMatch(/kỳ gần nhất/);
    // The monthly series still shows what was reported each month.
    expect(city.series.map((p: { value: number | null }) => p.value)).toEqual([15, 18, 13]);
    // The catalogue summary agrees with the rollup.
    const summary = (await call(s.app, leadership, 'GET', `/api/indicator-summary?unitId=${unitId('HP')}&period=2022-Q1`)).json();
    expect(summary.items.find((i: { indicatorId: string }) => i.indicatorId === stock).value).toBe(25);
  });

  it('gives a series over any span of months in one call (36 months)', async () => {
    const res = await call(s.app, leadership, 'GET', `/api/indicators/${ind.count}/series?unitId=${unitId('HP')}&from=2022-M01&to=2024-M12`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.series).toHaveLength(36);
    expect(body.series[2]).toMatchObject({ period: '2022-M03', value: 40 + 2 + 100 + 10 + 1 });
    expect(body.total.value).toBe(40 + 2 + 100 + 10 + 1);
    const bad = await call(s.app, leadership, 'GET', `/api/indicators/${ind.count}/series?unitId=${unitId('HP')}&from=2022&to=2024`);
    expect(bad.statusCode).toBe(400);
  });

  it('judges a rollup against the plan target of its level: achievement and RAG', async () => {
    for (const [level, value] of [['city', 60], ['district', 50], ['commune', 30]] as const) {
      const res = await call(s.app, coord, 'PUT', '/api/indicator-targets', { indicatorId: ind.rate, planCode: '74/KH-UBND', level, period: '2022', value });
      expect(res.statusCode, res.body).toBe(200);
    }
    await call(s.app, coord, 'PUT', '/api/indicator-targets', { indicatorId: ind.rate, planCode: '74/KH-UBND', level: 'city', period: '2022-Q2', value: 40 });
    expect((await call(s.app, officer, 'PUT', '/api/indicator-targets', { indicatorId: ind.rate, planCode: 'X', level: 'city', period: '2022', value: 1 })).statusCode).toBe(403);
    const year = await rollup(ind.rate, 'HP', '2022');
    expect(year.total.target).toMatchObject({ value: 60, period: '2022' });
    expect(year.total.achievement).toBeCloseTo((year.total.value / 60) * 100, 10);
    const q2 = await rollup(ind.rate, 'HP', '2022-Q2');
    expect(q2.total.target.value).toBe(40);
    const lechan = year.children.find((c: { unitCode: string }) => c.unitCode === 'HP.Q.LECHAN');
    expect(lechan.target.value).toBe(50);
    const expectedRag = lechan.achievement >= 100 ? 'green' : lechan.achievement >= 80 ? 'amber' : 'red';
    expect(lechan.rag).toBe(expectedRag);
    const stc = year.children.find((c: { unitCode: string }) => c.unitCode === 'HP.STTTT');
    expect(stc.target.value).toBe(60);
  });
});
