import { en } from './en';
import type { Lang } from './lang';
import { vi, type MessageKey } from './vi';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Replaces `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export function fillParams(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  return fillParams(catalogues[lang][key], params);
}

/** For labels built from server values (entity, action): a key only when the catalogue has it. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}
