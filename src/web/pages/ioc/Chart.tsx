import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { echarts, type ECharts, type EChartsOption } from './echarts';

export interface ChartHandle {
  instance(): ECharts | null;
}

/** One echarts canvas that follows its box's size; `onClick` receives echarts' event params. */
export const Chart = forwardRef<ChartHandle, { option: EChartsOption; className?: string; onClick?: (params: { name?: string; data?: unknown; dataIndex?: number; seriesIndex?: number }) => void; ariaLabel?: string }>(
  function Chart({ option, className, onClick, ariaLabel }, ref) {
    const box = useRef<HTMLDivElement>(null);
    const chart = useRef<ECharts | null>(null);
    const click = useRef(onClick);
    click.current = onClick;

    useImperativeHandle(ref, () => ({ instance: () => chart.current }), []);

    useEffect(() => {
      if (!box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.on('click', (p) => click.current?.(p as never));
      const observer = new ResizeObserver(() => c.resize());
      observer.observe(box.current);
      return () => {
        observer.disconnect();
        c.dispose();
        chart.current = null;
      };
    }, []);

    useEffect(() => {
      chart.current?.setOption(option, { notMerge: true });
    }, [option]);

    return <div ref={box} className={className ?? 'ioc-chart'} role="img" aria-label={ariaLabel} />;
  },
);
