import type { TPanelKey } from '../../../../contracts/dashboard';
import { attentionPanel } from './attention';
import { budgetPanel } from './budget';
import type { PanelDef } from './context';
import { evaluationPanel } from './evaluation';
import { pillarsPanel } from './pillars';
import { reportsPanel } from './reports';
import { tasksPanel } from './tasks';
import { trendsPanel } from './trends';
import { unitsPanel } from './units';

export const PANELS: readonly PanelDef[] = [pillarsPanel, tasksPanel, budgetPanel, reportsPanel, unitsPanel, attentionPanel, trendsPanel, evaluationPanel] as PanelDef[];

export const PANEL_BY_KEY: ReadonlyMap<TPanelKey, PanelDef> = new Map(PANELS.map((p) => [p.key, p]));

/** Panels a write to `url` can change; a path no panel names changes them all (to be safe). */
export function panelsAffectedBy(url: string): TPanelKey[] {
  const path = url.split('?')[0] ?? url;
  const specific = PANELS.filter((p) => p.affectedBy.some((prefix) => prefix !== '/api/' && path.startsWith(prefix)));
  if (specific.length === 0) return PANELS.map((p) => p.key);
  return PANELS.filter((p) => specific.includes(p) || p.affectedBy.includes('/api/')).map((p) => p.key);
}
