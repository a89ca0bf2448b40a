import { useEffect, useRef, type ReactNode } from 'react';

export interface Span {
  start: number;
  end: number;
  key: number;
}

/**
 * The document's text with the source sentences of its assignments marked; the active one
 * is scrolled into view. Offsets are the extractor's, into the stored (normalised) text.
 */
export function HighlightedText({ text, spans, active, onPick, testId }: { text: string; spans: Span[]; active?: number | null; onPick?: (key: number) => void; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active === null || active === undefined) return;
    const el = box.current?.querySelector(`[data-span="${active}"]`);
    if (el && 'scrollIntoView' in el) (el as HTMLElement).scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [active]);
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    if (s.start > pos) parts.push(text.slice(pos, s.start));
    parts.push(
      <mark key={s.key} data-span={s.key} className={s.key === active ? 'hd-mark-active' : undefined} onClick={() => onPick?.(s.key)} style={{ cursor: onPick ? 'pointer' : undefined }}>
        {text.slice(s.start, s.end)}
      </mark>,
    );
    pos = s.end;
  }
  parts.push(text.slice(pos));
  return (
    <div className="hd-doc-text" ref={box} data-testid={testId}>
      {parts}
    </div>
  );
}
