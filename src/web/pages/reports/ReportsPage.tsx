import { useEffect, useMemo, useState } from 'react';
import { Button, Descriptions, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, FileExcelOutlined, FileWordOutlined, FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { isPeriodKey, parsePeriodKey } from '../../../core/periods/period-key';
import { useIndicators } from '../../api/indicators';
import { useUnits } from '../../api/units';
import { exportUrl, usePeriods, useRegimes, useTimeliness, type Regime, type TimelinessRow } from '../../api/reports';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { todayIso } from '../../lib/dates';
import { periodText, YEARS } from '../indicators/periods';
import { STATUS_COLOURS, TIME_COLOURS, useRepText, type RepText, type RepTextKey } from './messages';
import { RegimeFormModal, type RegimeFormTarget } from './RegimeFormModal';
import { SubmissionDrawer } from './SubmissionDrawer';
import '../indicators/indicators.css';

function ruleText(r: Regime, t: RepText): string {
  const rule = r.deadlineRule;
  if (rule.kind === 'working_days_after_cutoff') return t('rule.working_days_after_cutoff', { days: rule.days });
  return t('rule.day_of_month', { day: rule.day, offset: rule.monthOffset === 0 ? t('rule.offset0') : t('rule.offsetN', { n: rule.monthOffset }) });
}

function RegimeInfo({ regime }: { regime: Regime }) {
  const t = useRepText();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 16 }} data-testid="regime-info">
      <Descriptions.Item label={t('info.receiving')}>{regime.receivingUnitName}</Descriptions.Item>
      <Descriptions.Item label={t('info.period')}>{t(`ptype.${regime.periodType}` as RepTextKey)}</Descriptions.Item>
      <Descriptions.Item label={t('info.deadline')}>{ruleText(regime, t)}</Descriptions.Item>
      <Descriptions.Item label={t('info.method')}>{regime.sendingMethod}</Descriptions.Item>
      <Descriptions.Item label={t('info.units')}>{regime.units.length}</Descriptions.Item>
      <Descriptions.Item label={t('info.form')}>{regime.fields.map((f) => f.label).join('; ')}</Descriptions.Item>
      {regime.legalBasis ? (
        <Descriptions.Item label={t('info.basis')} span={2}>
          {regime.legalBasis}
        </Descriptions.Item>
      ) : null}
      {regime.content ? (
        <Descriptions.Item label={t('info.content')} span={2}>
          {regime.content}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** Regimes, their periods with cut-off and deadline, and per period who reported on time, late or not at all. */
export function ReportsPage() {
  const t = useRepText();
  const { lang } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const regimes = useRegimes();
  const regimeId = params.get('regime') ?? regimes.data?.[0]?.id;
  const regime = regimes.data?.find((r) => r.id === regimeId);
  const periodParam = params.get('period');
  const defaultYear = regime ? Math.min(Number(todayIso().slice(0, 4)), Number((regime.validTo ?? '9999').slice(0, 4))) : Number(todayIso().slice(0, 4));
  const year = Number(params.get('year') ?? (isPeriodKey(periodParam) ? parsePeriodKey(periodParam).year : defaultYear));
  const periods = usePeriods(regimeId, year);
  const period = isPeriodKey(periodParam) && parsePeriodKey(periodParam).year === year ? periodParam : ([...(periods.data ?? [])].reverse().find((p) => p.due)?.period ?? periods.data?.[0]?.period);
  const grid = useTimeliness(regimeId, period);
  const openUnit = params.get('unit');
  const canManage = canDo(user, 'indicator.manage');
  const [regimeForm, setRegimeForm] = useState<RegimeFormTarget | null>(null);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (regime && !params.get('regime')) set({ regime: regime.id });
    // Only once the regimes are known.
  }, [regime?.id]);

  const canExport = useMemo(() => !!regime && (canDo(user, 'indicator.manage') || user.role === 'leadership' || user.role === 'finance' || user.unitId === regime.receivingUnitId), [regime, user]);

  const gridColumns: TableColumnsType<TimelinessRow> = [
    { title: t('col.unit'), dataIndex: 'unitName', render: (name: string, r) => <span data-testid={`grid-unit-${r.unitCode}`}>{name}</span> },
    {
      title: t('col.status'),
      key: 'status',
      width: 230,
      render: (_, r) => (
        <>
          <Tag color={STATUS_COLOURS[r.status ?? 'none']}>{t(`status.${r.status ?? 'none'}` as RepTextKey)}</Tag>
          {r.returnReason ? <span className="rep-reason">{r.returnReason}</span> : null}
        </>
      ),
    },
    { title: t('col.timeliness'), dataIndex: 'timeliness', width: 170, render: (tl: TimelinessRow['timeliness']) => <Tag color={TIME_COLOURS[tl]}>{t(`time.${tl}` as RepTextKey)}</Tag> },
    { title: t('col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    {
      title: t('col.actions'),
      key: 'open',
      width: 150,
      render: (_, r) => (
        <Button size="small" icon={<FolderOpenOutlined />} onClick={() => set({ unit: r.unitId, period })} data-testid={`open-${r.unitCode}`}>
          {t('open')}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="hd-card">
        {regimes.isError ? <QueryError error={regimes.error} onRetry={() => void regimes.refetch()} /> : null}
        {regimes.data && regimes.data.length === 0 ? <Empty description={t('noRegime')} /> : null}
        <div className="hd-toolbar">
          <div className="hd-toolbar-field" style={{ flex: '1 1 480px' }}>
            <label htmlFor="rep-regime">{t('regime')}</label>
            <Select<string>
              id="rep-regime"
              data-testid="rep-regime"
              value={regimeId}
              loading={regimes.isLoading}
              onChange={(id) => set({ regime: id, period: undefined, unit: undefined, year: undefined })}
              options={(regimes.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
              style={{ width: '100%' }}
            />
          </div>
          <div className="hd-toolbar-field">
            <label htmlFor="rep-year">{t('year')}</label>
            <Select<number> id="rep-year" value={year} onChange={(y) => set({ year: String(y), period: undefined })} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
          </div>
          {regime?.sample ? <Tag color="gold">{t('sample')}</Tag> : null}
          {canManage ? (
            <Space style={{ marginLeft: 'auto', alignSelf: 'flex-end' }}>
              {regime ? (
                <Button icon={<EditOutlined />} onClick={() => setRegimeForm({ mode: 'edit', regime })} data-testid="regime-edit">
                  {t('regime.edit')}
                </Button>
              ) : null}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegimeForm({ mode: 'create' })} data-testid="regime-add">
                {t('regime.add')}
              </Button>
            </Space>
          ) : null}
        </div>
        {regime ? <RegimeInfo regime={regime} /> : null}
        {regime ? (
          <>
            <Typography.Title level={5}>{t('periods.title', { year })}</Typography.Title>
            <div className="rep-periods" data-testid="rep-periods">
              {(periods.data ?? []).map((p) => (
                <button
                  type="button"
                  key={p.period}
                  className={`rep-period${p.period === period ? ' rep-period-active' : ''}`}
                  onClick={() => set({ period: p.period, unit: undefined })}
                  data-testid={`period-${p.period}`}
                >
                  <span className="rep-period-label">{periodText(p.period, lang)}</span>
                  <span className="rep-period-meta">
                    {t('col.deadline')}: {formatDate(p.deadline)}
                  </span>
                  <span className="rep-period-meta">
                    {t('col.received')}: {p.submitted + p.approved}/{p.units} · {t('col.approved')}: {p.approved}
                  </span>
                </button>
              ))}
            </div>
            <div className="rep-grid">
              {grid.isError ? <QueryError error={grid.error} onRetry={() => void grid.refetch()} /> : null}
              {grid.data && period ? (
                <>
                  <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
                    <Typography.Title level={5} style={{ margin: 0 }}>
                      {t('grid.title', { period: periodText(period, lang) })}
                    </Typography.Title>
                    {canExport ? (
                      <Space>
                        <Button icon={<FileExcelOutlined />} href={exportUrl(regime.id, period, 'xlsx')} data-testid="export-xlsx">
                          {t('exportXlsx')}
                        </Button>
                        <Button icon={<FileWordOutlined />} href={exportUrl(regime.id, period, 'docx')} data-testid="export-docx">
                          {t('exportDocx')}
                        </Button>
                      </Space>
                    ) : null}
                  </Space>
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
                    {t('grid.window', { from: formatDate(grid.data.cutoffStart), to: formatDate(grid.data.cutoffEnd), deadline: formatDate(grid.data.deadline) })}
                    <br />
                    <span data-testid="grid-summary">{t('grid.summary', { ...grid.data.summary })}</span>
                  </Typography.Paragraph>
                  <Table<TimelinessRow> rowKey="unitId" size="small" columns={gridColumns} dataSource={grid.data.rows} loading={grid.isFetching} pagination={false} data-testid="rep-grid" />
                </>
              ) : null}
            </div>
          </>
        ) : null}
      </div>
      {regimeForm ? <RegimeFormData target={regimeForm} onClose={() => setRegimeForm(null)} /> : null}
      {regime && period && openUnit ? <SubmissionDrawer regimeId={regime.id} unitId={openUnit} period={period} onClose={() => set({ unit: undefined })} /> : null}
    </div>
  );
}

/** Loads the choices (catalogue, units in force today) only when the form is open. */
function RegimeFormData({ target, onClose }: { target: RegimeFormTarget; onClose: () => void }) {
  const indicators = useIndicators();
  const units = useUnits(todayIso());
  return <RegimeFormModal target={target} indicators={indicators.data ?? []} units={units.data ?? []} onClose={onClose} />;
}
