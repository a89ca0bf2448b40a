import { useCallback, useEffect, useRef } from 'react';
import type { FormInstance } from 'antd';

const PREFIX = 'hd.draft.';
/** A draft older than this is dropped: it belongs to work long finished. */
const MAX_AGE_MS = 14 * 24 * 3_600_000;

interface Stored<T> {
  at: number;
  values: Partial<T>;
}

function read<T>(key: string): Partial<T> | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const s = JSON.parse(raw) as Stored<T>;
    if (Date.now() - s.at > MAX_AGE_MS) {
      localStorage.removeItem(PREFIX + key);
      return null;
    }
    return s.values;
  } catch {
    return null;
  }
}

/**
 * Keeps what is typed into a form in this browser's storage (issue 14), so a session that
 * expires — or a tab that is closed, or a lost connection — loses nothing: the text is back when
 * the same person opens the same form again, and is cleared once the form is sent. `key` names
 * the person and the object (e.g. `${userId}.progress.${taskId}`); only `fields` are kept (text,
 * numbers — never files).
 */
export function useFormDraft<T extends object>(form: FormInstance<T>, key: string, fields: ReadonlyArray<keyof T & string>) {
  const restored = useRef(false);
  useEffect(() => {
    const values = read<T>(key);
    restored.current = !!values;
    if (values) form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, key]);

  const onValuesChange = useCallback(
    (_: Partial<T>, all: T) => {
      const keep: Partial<T> = {};
      let any = false;
      for (const f of fields) {
        const v = all[f];
        if (v === undefined || v === null || v === '') continue;
        keep[f] = v;
        if (typeof v === 'string' && v.trim()) any = true;
      }
      try {
        if (any) localStorage.setItem(PREFIX + key, JSON.stringify({ at: Date.now(), values: keep } satisfies Stored<T>));
        else localStorage.removeItem(PREFIX + key);
      } catch {
        // Storage full or disabled: the form still works, only without a draft.
      }
    },
    [fields, key],
  );

  const clear = useCallback(() => {
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      // nothing kept
    }
  }, [key]);

  return { onValuesChange, clear };
}
