import { useMemo, useState } from 'react';
import { Button, Empty, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, LineChartOutlined, PlusOutlined } from '@ant-design/icons';
import { PILLARS, type Catalogue, type Indicator, type SummaryItem } from '../../api/indicators';
import { useI18n } from '../../i18n/I18nProvider';
import { IndicatorFormModal, type IndicatorFormTarget } from './IndicatorFormModal';
import { formatValue, periodText } from './periods';
import { RAG_COLOURS, useIndText } from './messages';

interface Props {
  indicators: readonly Indicator[];
  summary: ReadonlyMap<string, SummaryItem>;
  loading: boolean;
  onShow: (indicatorId: string) => void;
  /** Set for users who may add and edit indicators. */
  manage?: { catalogues: readonly Catalogue[]; catalogueId?: string };
}

/** The catalogue grouped by pillar, each indicator with its rules and its result for the chosen unit and period. */
export function CatalogueTab({ indicators, summary, loading, onShow, manage }: Props) {
  const t = useIndText();
  const { lang } = useI18n();
  const [form, setForm] = useState<IndicatorFormTarget | null>(null);
  const depth = useMemo(() => {
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const d = new Map<string, number>();
    for (const i of indicators) {
      let n = 0;
      for (let p = i.parentId ? byId.get(i.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) n++;
      d.set(i.id, n);
    }
    return d;
  }, [indicators]);

  const columns: TableColumnsType<Indicator> = [
    { title: t('col.code'), dataIndex: 'code', width: 130, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    {
      title: t('col.name'),
      key: 'name',
      render: (_, i) => (
        <div style={{ paddingLeft: (depth.get(i.id) ?? 0) * 16 }}>
          <div className="ind-name">
            {i.name}
            {i.sample ? <Tag color="gold" style={{ marginLeft: 6 }}>{t('sample')}</Tag> : null}
          </div>
          <Typography.Text type="secondary" className="ind-meta">
            <Tag>{i.catalogueCode}</Tag>
            {i.kind === 'formula' ? <Tooltip title={i.formula}>{t('kind.formula')}</Tooltip> : t(`kind.${i.kind}`)}
            {' · '}
            {t('col.rules')}: {t(`rule.${i.unitRule}`)} / {t(`rule.${i.timeRule}`)}
            {' · '}
            {t(`ptype.${i.periodicity}`)}
            {i.maxPoints !== null ? ` · ${i.maxPoints} điểm` : ''}
            {' · '}
            {i.sourceAgency}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('col.uom'), dataIndex: 'unitOfMeasure', width: 110 },
    {
      title: t('col.value'),
      key: 'value',
      width: 260,
      render: (_, i) => {
        const s = summary.get(i.id);
        if (!s) return <Typography.Text type="secondary">{t('notInPeriod')}</Typography.Text>;
        if (s.value === null) return <Typography.Text type="secondary">{t('noValue')}</Typography.Text>;
        return (
          <span data-testid={`ind-value-${i.code}`}>
            <strong>{formatValue(s.value, i.unitOfMeasure, lang)}</strong>
            {s.target ? (
              <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                / {formatValue(s.target.value, i.unitOfMeasure, lang)} ({periodText(s.target.period, lang)})
              </Typography.Text>
            ) : null}
            {s.rag ? (
              <Tag color={RAG_COLOURS[s.rag]} style={{ marginLeft: 6 }}>
                {t(`rag.${s.rag}`)}
              </Tag>
            ) : null}
          </span>
        );
      },
    },
    {
      key: 'show',
      width: manage ? 96 : 56,
      render: (_, i) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Tooltip title={t('show')}>
            <Button type="text" icon={<LineChartOutlined />} aria-label={`${t('show')}: ${i.code}`} onClick={() => onShow(i.id)} />
          </Tooltip>
          {manage ? (
            <Tooltip title={t('form.edit')}>
              <Button type="text" icon={<EditOutlined />} aria-label={`${t('form.edit')}: ${i.code}`} onClick={() => setForm({ mode: 'edit', indicator: i })} data-testid={`edit-${i.code}`} />
            </Tooltip>
          ) : null}
        </span>
      ),
    },
  ];

  const groups = PILLARS.map((p) => ({ pillar: p, items: indicators.filter((i) => i.pillar === p) })).filter((g) => g.items.length > 0);
  const toolbar = manage ? (
    <div style={{ marginBottom: 12 }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', catalogueId: manage.catalogueId })} data-testid="indicator-add">
        {t('form.add')}
      </Button>
    </div>
  ) : null;
  const modal = form && manage ? <IndicatorFormModal target={form} catalogues={manage.catalogues} onClose={() => setForm(null)} /> : null;
  if (!loading && groups.length === 0) {
    return (
      <div>
        {toolbar}
        <Empty />
        {modal}
      </div>
    );
  }
  return (
    <div data-testid="indicator-catalogue">
      {toolbar}
      {modal}
      {groups.map((g) => (
        <section key={g.pillar} className="ind-pillar">
          <Typography.Title level={4} className="ind-pillar-title">
            {t(`pillar.${g.pillar}`)} <Typography.Text type="secondary">({g.items.length})</Typography.Text>
          </Typography.Title>
          <Table<Indicator> rowKey="id" size="small" columns={columns} dataSource={g.items} pagination={false} loading={loading} />
        </section>
      ))}
    </div>
  );
}
