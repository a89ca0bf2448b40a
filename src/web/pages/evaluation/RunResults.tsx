import { useMemo } from 'react';
import { Alert, Progress, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ComponentView, EvaluationClass, ResultView, RunView } from '../../api/evaluation';
import { useCurrentUser } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { formatPercent } from '../../../core/format/number';
import { formatDongExact } from '../projects/money';
import { CLASS_COLOURS, useEvalText, type EvalTextKey } from './messages';

function classLabelKey(c: EvaluationClass | null): EvalTextKey {
  return c ? (`class.${c}` as EvalTextKey) : 'class.none';
}

/** One unit's components: the raw measure, where it came from, the straight line it is scored on, the points. */
function Components({ result }: { result: ResultView }) {
  const t = useEvalText();
  const { lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const fmtRaw = (c: ComponentView, v: number) => (c.unit === 'percent' ? formatPercent(v, { lang }) : c.unit === 'money' ? formatDongExact(v, lang) : n(v));
  const columns: TableColumnsType<ComponentView> = [
    { title: t('col.criterion'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
    { title: t('col.raw'), align: 'right', render: (_, c) => (c.applicable && c.raw !== null ? fmtRaw(c, c.raw) : <Typography.Text type="secondary">{t('notApplicable')}</Typography.Text>) },
    { title: t('col.detail'), render: (_, c) => c.detail ?? '—' },
    {
      title: t('col.rule'),
      render: (_, c) =>
        c.thresholds && c.direction
          ? t('rule', { zero: fmtRaw(c, c.thresholds.zero), full: fmtRaw(c, c.thresholds.full), dir: t(`dir.${c.direction}` as EvalTextKey) })
          : '—',
    },
    { title: t('col.points'), align: 'right', render: (_, c) => (c.weight === 0 ? '—' : c.applicable ? <span>{n(c.points)} / {n(c.weight)}</span> : <Typography.Text type="secondary">— / {n(c.weight)}</Typography.Text>) },
  ];
  return (
    <div className="ev-components" data-testid={`ev-components-${result.unitId}`}>
      <Table<ComponentView> size="small" rowKey="code" columns={columns} dataSource={result.components} pagination={false} />
      <p className="ev-total">
        {result.score === null ? (result.ground ?? '') : t('total', { total: n(result.total), max: n(result.maxPoints), score: n(result.score) })}
      </p>
      <p className="ev-reason">{result.reason}</p>
    </div>
  );
}

export function RunResults({ run, classFilter, onClassFilter, focusUnit }: { run: RunView; classFilter: EvaluationClass | 'all'; onClassFilter: (c: EvaluationClass | 'all') => void; focusUnit: string | null }) {
  const t = useEvalText();
  const { lang } = useI18n();
  const user = useCurrentUser();
  const mine = run.results.find((r) => r.unitId === user.unitId);
  const rows = useMemo(() => run.results.filter((r) => classFilter === 'all' || r.class === classFilter), [run, classFilter]);
  const expanded = [focusUnit, mine?.unitId].filter((x): x is string => !!x);
  const columns: TableColumnsType<ResultView> = [
    { title: t('col.rank'), dataIndex: 'rank', width: 72, align: 'center' },
    {
      title: t('col.unit'),
      dataIndex: 'unitName',
      render: (v: string, r) => (
        <span>
          {v} {r.unitId === user.unitId ? <Tag color="processing">{t('yourUnit')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('col.score'),
      dataIndex: 'score',
      width: 220,
      render: (v: number | null, r) =>
        v === null ? '—' : <Progress percent={v} size="small" format={() => formatNumber(v, lang)} strokeColor={r.class === 'ghi_nhan' ? '#16a34a' : r.class === 'phe_binh' ? '#dc2626' : '#d97706'} />,
    },
    { title: t('col.class'), dataIndex: 'class', width: 160, render: (c: EvaluationClass | null) => (c ? <Tag color={CLASS_COLOURS[c]}>{t(classLabelKey(c))}</Tag> : <Tag>{t('class.none')}</Tag>) },
  ];
  return (
    <div className="ev-results">
      {mine ? (
        <Alert
          className="ev-mine"
          type={mine.class === 'phe_binh' ? 'error' : mine.class === 'rut_kinh_nghiem' ? 'warning' : mine.class === 'ghi_nhan' ? 'success' : 'info'}
          showIcon
          title={`${t('yourUnit')}: ${mine.unitName} — ${t(classLabelKey(mine.class))}${mine.score === null ? '' : `, ${formatNumber(mine.score, lang)}/100`}`}
          description={mine.reason}
        />
      ) : null}
      <Segmented<EvaluationClass | 'all'>
        value={classFilter}
        onChange={onClassFilter}
        options={[
          { value: 'all', label: `${t('allClasses')} (${run.results.length})` },
          { value: 'ghi_nhan', label: `${t('class.ghi_nhan')} (${run.counts.ghi_nhan})` },
          { value: 'rut_kinh_nghiem', label: `${t('class.rut_kinh_nghiem')} (${run.counts.rut_kinh_nghiem})` },
          { value: 'phe_binh', label: `${t('class.phe_binh')} (${run.counts.phe_binh})` },
        ]}
      />
      <Table<ResultView>
        className="ev-table"
        data-testid="ev-results"
        rowKey="unitId"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (r.unitId === user.unitId || r.unitId === focusUnit ? 'ev-row-focus' : '')}
        expandable={{ expandedRowRender: (r) => <Components result={r} />, defaultExpandedRowKeys: expanded, rowExpandable: () => true }}
      />
    </div>
  );
}
