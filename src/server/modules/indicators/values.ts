import type { Queryable } from '../../../db/client';
import { can } from '../../../core/auth/policy';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps, SessionActor } from '../../context';
import { AppError, alreadyCreated, forbidden, notFound, staleVersion } from '../../errors';
import { checkValue, type CheckedValue, type ValueInput } from './check-value';
import { indicatorById, unitInfo, type ValueStatus } from './queries';

export type ValueOrigin = 'form' | 'api' | 'import' | 'report' | 'dossier_feed' | 'seed';

export interface ValueWrite extends CheckedValue {
  status: ValueStatus;
  origin: ValueOrigin;
  importId?: string | null;
  submissionId?: string | null;
  enteredBy: string | null;
  enteredByName: string;
  enteredAt?: string;
  sample?: boolean;
}

/**
 * Upserts values in batches of one statement each (unnest), keyed by
 * (indicator, unit, period, source agency). Returns how many rows were new.
 */
export async function writeValues(tx: Queryable, rows: readonly ValueWrite[], batchSize = 2000): Promise<{ created: number; updated: number }> {
  let created = 0;
  for (let i = 0; i < rows.length; i += batchSize) {
    const b = rows.slice(i, i + batchSize);
    const out = await tx.query<{ inserted: boolean }>(
      `insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
                                     value, numerator, denominator, status, origin, import_id, submission_id, note,
                                     entered_by, entered_by_name, entered_at, sample)
       select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[],
                            $9::numeric[], $10::numeric[], $11::numeric[], $12::text[], $13::text[], $14::uuid[], $15::uuid[], $16::text[],
                            $17::uuid[], $18::text[], $19::timestamptz[], $20::boolean[])
       on conflict (indicator_id, unit_id, period, source_agency) do update set
         value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, status = excluded.status,
         origin = excluded.origin, import_id = excluded.import_id, submission_id = excluded.submission_id, note = excluded.note,
         entered_by = excluded.entered_by, entered_by_name = excluded.entered_by_name, entered_at = excluded.entered_at,
         sample = excluded.sample, version = indicator_values.version + 1
       returning (xmax = 0) as inserted`,
      [
        b.map((r) => r.provinceId),
        b.map((r) => r.indicatorId),
        b.map((r) => r.unitId),
        b.map((r) => r.period),
        b.map((r) => r.periodType),
        b.map((r) => r.periodStart),
        b.map((r) => r.periodEnd),
        b.map((r) => r.sourceAgency),
        b.map((r) => r.value),
        b.map((r) => r.numerator),
        b.map((r) => r.denominator),
        b.map((r) => r.status),
        b.map((r) => r.origin),
        b.map((r) => r.importId ?? null),
        b.map((r) => r.submissionId ?? null),
        b.map((r) => r.note),
        b.map((r) => r.enteredBy),
        b.map((r) => r.enteredByName),
        b.map((r) => r.enteredAt ?? new Date().toISOString()),
        b.map((r) => r.sample ?? false),
      ],
    );
    created += out.filter((o) => o.inserted).length;
  }
  return { created, updated: rows.length - created };
}

export interface ValueRow {
  id: number;
  indicator_id: string;
  indicator_code: string;
  unit_id: string;
  unit_name: string;
  period: string;
  source_agency: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ValueStatus;
  origin: ValueOrigin;
  import_id: string | null;
  submission_id: string | null;
  note: string | null;
  entered_by_name: string;
  entered_at: string;
  sample: boolean;
  version: number;
}

const SELECT_VALUES = `
  select v.id, v.indicator_id, i.code as indicator_code, v.unit_id, u.name as unit_name, v.period, v.source_agency, v.value,
         v.numerator, v.denominator, v.status, v.origin, v.import_id, v.submission_id, v.note, v.entered_by_name, v.entered_at,
         v.sample, v.version
    from indicator_values v join indicators i on i.id = v.indicator_id join units u on u.id = v.unit_id`;

export function presentValue(v: ValueRow) {
  return {
    id: v.id,
    indicatorId: v.indicator_id,
    indicatorCode: v.indicator_code,
    unitId: v.unit_id,
    unitName: v.unit_name,
    period: v.period,
    sourceAgency: v.source_agency,
    value: v.value,
    numerator: v.numerator,
    denominator: v.denominator,
    status: v.status,
    origin: v.origin,
    importId: v.import_id,
    submissionId: v.submission_id,
    note: v.note,
    enteredBy: v.entered_by_name,
    enteredAt: v.entered_at,
    sample: v.sample,
    version: v.version,
  };
}

export interface ValueFilter {
  indicatorId?: string;
  unitId?: string;
  period?: string;
  from?: string;
  to?: string;
  periodType?: string;
  limit: number;
  /** One province's values (a province-bound reader); null or absent: every province (national). */
  provinceId?: string | null;
}

export async function listValues(db: Queryable, f: ValueFilter) {
  const rows = await db.query<ValueRow>(
    `${SELECT_VALUES}
      where ($1::uuid is null or v.indicator_id = $1) and ($2::uuid is null or v.unit_id = $2) and ($3::text is null or v.period = $3)
        and ($4::date is null or v.period_start >= $4) and ($5::date is null or v.period_end <= $5)
        and ($7::text is null or v.period_type = $7)
        and ($8::text is null or v.province_id = $8)
      order by v.period_start desc, i.code, u.name, v.source_agency limit $6`,
    [f.indicatorId ?? null, f.unitId ?? null, f.period ?? null, f.from ?? null, f.to ?? null, f.limit, f.periodType ?? null, f.provinceId ?? null],
  );
  return rows.map(presentValue);
}

async function valueByKey(db: Queryable, v: Pick<CheckedValue, 'indicatorId' | 'unitId' | 'period' | 'sourceAgency'>) {
  return (await db.query<ValueRow>(`${SELECT_VALUES} where v.indicator_id = $1 and v.unit_id = $2 and v.period = $3 and v.source_agency = $4`, [v.indicatorId, v.unitId, v.period, v.sourceAgency]))[0];
}

export interface EnterValueInput extends ValueInput {
  indicatorId: string;
  unitId: string;
  /** The version the person saw; omitted by systems that post their latest figure. */
  version?: number;
}

/**
 * Checks one value against the rules, or throws the first problem as a field error. The
 * unit scope is checked by the route before the indicator is even looked at.
 */
async function checked(tx: Queryable, input: EnterValueInput): Promise<CheckedValue> {
  const indicator = await indicatorById(tx, input.indicatorId);
  if (!indicator) throw notFound('chỉ số');
  const unit = await unitInfo(tx, input.unitId);
  if (!unit) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', 'unitId');
  const { value, problems } = checkValue(indicator, unit, input);
  const first = problems[0];
  if (first || !value) throw new AppError('VALIDATION', first?.message ?? 'Giá trị không hợp lệ', first?.field === 'indicator' ? 'indicatorId' : first?.field === 'unit' ? 'unitId' : first?.field);
  return value;
}

const VALUE_COLUMNS = `province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
  value, numerator, denominator, status, origin, import_id, submission_id, note, entered_by, entered_by_name, entered_at, sample`;

function valueParams(w: ValueWrite): unknown[] {
  return [
    w.provinceId, w.indicatorId, w.unitId, w.period, w.periodType, w.periodStart, w.periodEnd, w.sourceAgency, w.value, w.numerator, w.denominator,
    w.status, w.origin, w.importId ?? null, w.submissionId ?? null, w.note, w.enteredBy, w.enteredByName, w.enteredAt ?? new Date().toISOString(), w.sample ?? false,
  ];
}

/**
 * Creates the value only if its key is free: one statement, so of two simultaneous creates
 * one inserts and the other (waiting on the unique index) gets nothing back.
 */
async function insertValueIfAbsent(tx: Queryable, w: ValueWrite): Promise<boolean> {
  const rows = await tx.query(
    `insert into indicator_values (${VALUE_COLUMNS})
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     on conflict (indicator_id, unit_id, period, source_agency) do nothing returning id`,
    valueParams(w),
  );
  return rows.length > 0;
}

/** The stored value, locked until the transaction ends: its image is the exact before-image. */
async function lockValue(tx: Queryable, v: Pick<CheckedValue, 'indicatorId' | 'unitId' | 'period' | 'sourceAgency'>) {
  return (await tx.query<ValueRow>(
    `${SELECT_VALUES} where v.indicator_id = $1 and v.unit_id = $2 and v.period = $3 and v.source_agency = $4 for update of v`,
    [v.indicatorId, v.unitId, v.period, v.sourceAgency],
  ))[0];
}

/** Overwrites the value only from the version the writer saw (null: a system's latest figure). */
async function updateValueFrom(tx: Queryable, id: number, w: ValueWrite, version: number | null): Promise<boolean> {
  const rows = await tx.query(
    `update indicator_values set value = $2, numerator = $3, denominator = $4, status = $5, origin = $6, note = $7,
            entered_by = $8, entered_by_name = $9, entered_at = $10, import_id = $12, submission_id = $13, sample = $14, version = version + 1
      where id = $1 and ($11::int is null or version = $11) returning id`,
    [id, w.value, w.numerator, w.denominator, w.status, w.origin, w.note, w.enteredBy, w.enteredByName, w.enteredAt ?? new Date().toISOString(), version, w.importId ?? null, w.submissionId ?? null, w.sample ?? false],
  );
  return rows.length > 0;
}

/**
 * A unit's value typed in the form or posted by another system. Values sent this way count
 * at once ('submitted'); an approved value that is changed goes back to 'submitted'.
 *
 * No lost update on either engine: version 0 (or none) first tries to create, in one
 * statement that does nothing when the key is taken; otherwise the stored row is locked and
 * overwritten by one statement that checks the version. A create that loses to another
 * create is answered 409, never turned into a silent overwrite.
 */
export async function enterValue(deps: Deps, ctx: AuditContext, actor: SessionActor, input: EnterValueInput, origin: 'form' | 'api') {
  return deps.db.transaction(async (tx) => {
    const v = await checked(tx, input);
    const write: ValueWrite = { ...v, status: 'submitted', origin, enteredBy: actor.id, enteredByName: actor.username, enteredAt: deps.now().toISOString() };
    if (input.version === undefined || input.version === 0) {
      if (await insertValueIfAbsent(tx, write)) {
        const after = presentValue((await valueByKey(tx, v))!);
        await recordAudit(tx, ctx, { action: 'create', entity: 'indicator_value', entityId: String(after.id), after });
        return after;
      }
      if (input.version === 0) throw alreadyCreated();
    }
    const before = await lockValue(tx, v);
    if (!before || !(await updateValueFrom(tx, before.id, write, input.version ?? null))) throw staleVersion();
    const after = presentValue((await valueByKey(tx, v))!);
    await recordAudit(tx, ctx, { action: 'update', entity: 'indicator_value', entityId: String(after.id), before: presentValue(before), after });
    return after;
  });
}

/** A batch from another system: every value is checked first; one bad value rejects the batch. */
export async function enterValues(deps: Deps, ctx: AuditContext, actor: SessionActor, inputs: readonly EnterValueInput[]) {
  for (const input of inputs) if (!can(actor, 'indicator.enter', { unitId: input.unitId })) throw forbidden();
  return deps.db.transaction(async (tx) => {
    const rows: ValueWrite[] = [];
    const seen = new Map<string, number>();
    for (const [i, input] of inputs.entries()) {
      try {
        const v = await checked(tx, input);
        const key = `${v.indicatorId}|${v.unitId}|${v.period}|${v.sourceAgency}`;
        const dup = seen.get(key);
        if (dup !== undefined) throw new AppError('VALIDATION', `trùng với giá trị thứ ${dup + 1}`, 'period');
        seen.set(key, i);
        rows.push({ ...v, status: 'submitted', origin: 'api', enteredBy: actor.id, enteredByName: actor.username, enteredAt: deps.now().toISOString() });
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, `Giá trị thứ ${i + 1}: ${err.message}`, `values.${i}${err.field ? `.${err.field}` : ''}`);
        throw err;
      }
    }
    const counts = await writeValues(tx, rows);
    await recordAudit(tx, ctx, { action: 'batch', entity: 'indicator_value', after: { ...counts, values: rows.map((r) => ({ indicatorId: r.indicatorId, unitId: r.unitId, period: r.period, value: r.value, numerator: r.numerator, denominator: r.denominator })) } });
    return counts;
  });
}
