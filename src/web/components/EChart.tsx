import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ECharts, EChartsCoreOption } from 'echarts/core';

// Chart types and components are registered by each page (`echarts.use` beside its charts),
// so a lazily loaded page only pulls in the parts of echarts it draws with.
echarts.use([CanvasRenderer]);

export interface EChartHandle {
  instance(): ECharts | null;
}

export interface EChartClick {
  name?: string;
  data?: unknown;
  dataIndex?: number;
  seriesIndex?: number;
}

export interface EChartProps {
  option: EChartsCoreOption;
  /** Fixed height in pixels at full width; without it the box is sized by `className`. */
  height?: number;
  className?: string;
  testId?: string;
  /** Also marks the box as an image for assistive technology. */
  ariaLabel?: string;
  onClick?: (params: EChartClick) => void;
}

/** One echarts canvas that follows its box's size; `onClick` receives echarts' event params. */
export const EChart = forwardRef<EChartHandle, EChartProps>(function EChart({ option, height, className, testId, ariaLabel, onClick }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useImperativeHandle(ref, () => ({ instance: () => chart.current }), []);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p as EChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className={className}
      style={height === undefined ? undefined : { width: '100%', height }}
      role={ariaLabel === undefined ? undefined : 'img'}
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
});
