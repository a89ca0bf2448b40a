import { useMemo, useState } from 'react';
import { Button, DatePicker, Input, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, SearchOutlined, SubnodeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import type { TUnitKind } from '../../../../contracts/units';
import { useUnits } from '../../../api/units';
import { canDo } from '../../../auth/permissions';
import { useCurrentUser } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../../i18n/format';
import { kindKey } from '../../../i18n/labels';
import { DATE_FORMAT, isIsoDate, toIso, todayIso } from '../../../lib/dates';
import { compareVietnamese, foldVietnamese } from '../../../lib/text';
import { buildUnitTree, filterUnitTree, parentIds, type UnitNode } from '../../../lib/unit-tree';
import { UnitFormModal, type UnitFormTarget } from './UnitFormModal';
import { useSuccessorNames } from './useSuccessorNames';

const ALIASES_SHOWN = 3;
const TREE_INDENT = 24;
/** antd's expand icon (17px) and its right margin (8px). */
const EXPAND_ICON_SPACE = 25;

/** A unit's other names, without repeating its name or short name; the rest behind "+N". */
function Aliases({ unit }: { unit: UnitNode }) {
  const { t } = useI18n();
  const own = new Set([foldVietnamese(unit.name), foldVietnamese(unit.shortName ?? '')]);
  const list = unit.aliases.filter((a) => !own.has(foldVietnamese(a)));
  if (list.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const rest = list.slice(ALIASES_SHOWN);
  return (
    <span className="hd-aliases">
      {list.slice(0, ALIASES_SHOWN).map((a) => (
        <Tag key={a}>{a}</Tag>
      ))}
      {rest.length > 0 ? (
        <Tooltip title={rest.join(' · ')}>
          <Tag className="hd-more-tag">+{rest.length}</Tag>
        </Tooltip>
      ) : null}
    </span>
  );
}

const KIND_COLOURS: Record<TUnitKind, string> = {
  city_committee: 'red',
  department: 'blue',
  district: 'green',
  commune: 'cyan',
  agency: 'purple',
};

/** The organisation as of a chosen date: the tree, each unit's validity, successors and aliases. */
export function UnitsPage() {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const isAdmin = canDo(user, 'unit.manage');
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = isIsoDate(asOfParam) ? asOfParam : todayIso();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<readonly string[] | null>(null);
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);

  const units = useUnits(asOf);
  const successorNames = useSuccessorNames(units.data);
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const shown = useMemo(() => filterUnitTree(tree, query), [tree, query]);
  const searching = query.trim() !== '';
  // Opened at first: the roots still in force. A former province (Hải Dương until 30/06/2025,
  // some 200 communes) starts folded, so the city's own tree stays in view.
  const openRoots = tree.filter((n) => !n.validTo);
  const expandedKeys = searching ? parentIds(shown) : (expanded ?? (openRoots.length ? openRoots : tree).map((n) => n.id));

  const setAsOf = (iso: string) => {
    const next = new URLSearchParams(params);
    if (iso === todayIso()) next.delete('asOf');
    else next.set('asOf', iso);
    setParams(next, { replace: true });
  };

  // The form follows the freshest copy of the unit, so after a 409 the next save carries the new version.
  const liveTarget: UnitFormTarget | null =
    formTarget?.mode === 'edit'
      ? { mode: 'edit', unit: units.data?.find((u) => u.id === formTarget.unit.id) ?? formTarget.unit }
      : formTarget;

  const columns: TableColumnsType<UnitNode> = [
    {
      title: t('units.col.name'),
      key: 'name',
      // The cell is a block beside the tree's indent and expand icon, so a wrapped name stays aligned.
      render: (_, u) => (
        <span className="hd-unit-cell" style={{ width: `calc(100% - ${u.depth * TREE_INDENT + EXPAND_ICON_SPACE}px)` }}>
          <span className={u.depth === 0 ? 'hd-unit-root' : 'hd-unit-name'}>{u.name}</span>
          {u.shortName ? <span className="hd-unit-short">({u.shortName})</span> : null}
          {u.sample ? (
            <Tag color="gold" className="hd-unit-tags">
              {t('common.sample')}
            </Tag>
          ) : null}
          {u.successorIds.length > 0 ? (
            <span className="hd-unit-successor">
              {t('units.successors', {
                names: u.successorIds
                  .map((id) => successorNames.get(id) ?? '…')
                  .sort(compareVietnamese)
                  .join('; '),
              })}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      title: t('units.col.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (k: TUnitKind) => <Tag color={KIND_COLOURS[k]}>{t(kindKey(k))}</Tag>,
    },
    {
      title: t('units.col.validity'),
      key: 'validity',
      width: 190,
      render: (_, u) =>
        u.validTo ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatDate(u.validFrom)} – {formatDate(u.validTo)}
          </span>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>{t('units.validOpen', { from: formatDate(u.validFrom) })}</span>
        ),
    },
    {
      title: t('units.col.aliases'),
      key: 'aliases',
      width: 220,
      render: (_, u) => <Aliases unit={u} />,
    },
  ];

  if (isAdmin) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      align: 'center',
      render: (_, u) => (
        <Space size={4}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" icon={<EditOutlined />} aria-label={`${t('common.edit')} ${u.name}`} onClick={() => setFormTarget({ mode: 'edit', unit: u })} />
          </Tooltip>
          <Tooltip title={t('units.addChild')}>
            <Button type="text" icon={<SubnodeOutlined />} aria-label={`${t('units.addChild')}: ${u.name}`} onClick={() => setFormTarget({ mode: 'create', parentId: u.id })} />
          </Tooltip>
        </Space>
      ),
    });
  }

  const today = dayjs(todayIso());

  return (
    <div>
      <PageHeader
        title={t('units.title')}
        subtitle={units.data ? t('units.count', { count: formatNumber(units.data.length, lang) }) : undefined}
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parentId: tree[0]?.id ?? null })}>
              {t('units.add')}
            </Button>
          ) : null
        }
      />
      <div className="hd-card">
        <div className="hd-toolbar">
          <div className="hd-toolbar-field">
            <label htmlFor="units-as-of">{t('units.asOf')}</label>
            <DatePicker
              id="units-as-of"
              data-testid="units-as-of"
              value={dayjs(asOf)}
              format={DATE_FORMAT}
              allowClear={false}
              size="large"
              onChange={(d) => d && setAsOf(toIso(d))}
              presets={[
                { label: t('units.preset.today'), value: today },
                { label: t('units.preset.before2025'), value: dayjs('2024-12-31') },
                { label: t('units.preset.after2025'), value: dayjs('2025-07-01') },
              ]}
            />
          </div>
          <div className="hd-toolbar-field" style={{ flex: '1 1 280px', maxWidth: 420 }}>
            <label htmlFor="units-search">{t('common.search')}</label>
            <Input
              id="units-search"
              size="large"
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('units.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <Space style={{ marginLeft: 'auto' }}>
            <Button onClick={() => setExpanded(parentIds(tree))} disabled={searching}>
              {t('units.expandAll')}
            </Button>
            <Button onClick={() => setExpanded([])} disabled={searching}>
              {t('units.collapseAll')}
            </Button>
          </Space>
        </div>

        {units.isError && !units.data ? (
          <QueryError error={units.error} onRetry={() => void units.refetch()} />
        ) : (
          <Table<UnitNode>
            data-testid="unit-tree"
            rowKey="id"
            columns={columns}
            dataSource={shown}
            loading={units.isFetching}
            pagination={false}
            size="middle"
            scroll={{ x: 1000 }}
            expandable={{
              expandedRowKeys: [...expandedKeys],
              onExpandedRowsChange: (keys) => {
                if (!searching) setExpanded(keys.map(String));
              },
              indentSize: TREE_INDENT,
            }}
            locale={{ emptyText: t('units.empty') }}
          />
        )}
      </div>
      {liveTarget ? <UnitFormModal target={liveTarget} units={units.data ?? []} asOf={asOf} onClose={() => setFormTarget(null)} /> : null}
    </div>
  );
}
