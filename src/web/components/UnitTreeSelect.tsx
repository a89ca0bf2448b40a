import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TUnit } from '../../contracts/units';
import { matchesQuery } from '../lib/text';
import { buildUnitTree, type UnitNode } from '../lib/unit-tree';

interface Option {
  value: string;
  title: string;
  search: string;
  children?: Option[];
}

function toOptions(nodes: readonly UnitNode[]): Option[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.shortName ? `${n.name} (${n.shortName})` : n.name,
    search: [n.name, n.shortName, n.code, ...n.aliases].filter(Boolean).join(' '),
    children: n.children ? toOptions(n.children) : undefined,
  }));
}

interface Props {
  units: readonly TUnit[];
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  loading?: boolean;
  id?: string;
  allowClear?: boolean;
}

/** Choose a unit from the tree, searching by name, abbreviation or alias without diacritics. */
export function UnitTreeSelect({ units, value, onChange, placeholder, loading, id, allowClear }: Props) {
  const treeData = useMemo(() => toOptions(buildUnitTree(units)), [units]);
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      placeholder={placeholder}
      loading={loading}
      allowClear={allowClear}
      showSearch={{
        filterTreeNode: (input, node) => matchesQuery(input, (node as unknown as Option).search),
      }}
      treeDefaultExpandedKeys={treeData.map((o) => o.value)}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
