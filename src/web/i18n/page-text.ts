import { useCallback } from 'react';
import { useI18n } from './I18nProvider';
import type { Lang } from './lang';
import { fillParams, type MessageParams } from './translate';

export type PageText<K extends string> = (key: K, params?: MessageParams) => string;

/** The `t` of a page's own catalogue (Vietnamese the source, English key for key), in the UI language. */
export function usePageText<K extends string>(catalogues: Record<Lang, Record<K, string>>): PageText<K> {
  const { lang } = useI18n();
  return useCallback((key: K, params?: MessageParams) => fillParams(catalogues[lang][key], params), [catalogues, lang]);
}
