import { PILLAR_LABEL_VI } from '../../core/tasks/pillars';
import { en } from './en';
import { vi } from './vi';

/**
 * Strings that several page catalogues show with the very same words; a page spreads the block
 * it needs into its own `vi` and `en` (keys stay the page's, so its `t` is unchanged).
 */
function block<const K extends string>(viText: Record<K, string>, enText: Record<K, string>) {
  return { vi: viText, en: enText };
}

/** Labels kept in `src/core` (by value) as catalogue entries `prefix + value`. */
export function keyed<P extends string, V extends string>(prefix: P, labels: Readonly<Record<V, string>>): Record<`${P}${V}`, string> {
  return Object.fromEntries(Object.entries(labels).map(([value, label]) => [`${prefix}${value}`, label])) as Record<`${P}${V}`, string>;
}

/** The same words as the app catalogue's badge for demo data. */
export const SAMPLE_TEXT = block({ sample: vi['common.sample'] }, { sample: en['common.sample'] });

export const YEAR_TEXT = block({ year: 'Năm' }, { year: 'Year' });

/** The toolbar of an exportable, filterable list. */
export const LIST_TOOLS_TEXT = block(
  { export: 'Xuất Excel', 'filter.reset': 'Xoá bộ lọc' },
  { export: 'Export to Excel', 'filter.reset': 'Clear filters' },
);

/** Columns of the table of rows an Excel import refused. */
export const IMPORT_ERROR_TEXT = block(
  { 'import.row': 'Dòng', 'import.column': 'Cột', 'import.message': 'Lỗi' },
  { 'import.row': 'Row', 'import.column': 'Column', 'import.message': 'Error' },
);

/** The four pillars of digital transformation a task belongs to (`Pillar`). */
export const PILLAR_TEXT = block(keyed('pillar.', PILLAR_LABEL_VI), {
  'pillar.digital_infrastructure': 'Digital infrastructure',
  'pillar.digital_government': 'Digital government',
  'pillar.digital_economy': 'Digital economy',
  'pillar.digital_society': 'Digital society',
});

/** Which way an indicator is better. */
export const DIRECTION_TEXT = block(
  { 'dir.higher_better': 'càng cao càng tốt', 'dir.lower_better': 'càng thấp càng tốt' },
  { 'dir.higher_better': 'higher is better', 'dir.lower_better': 'lower is better' },
);
