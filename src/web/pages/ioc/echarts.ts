import { BarChart, GaugeChart, HeatmapChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

/** Only the parts of echarts the IOC screen draws with, so the page stays light (the renderer comes with `EChart`). */
echarts.use([BarChart, GaugeChart, HeatmapChart, LineChart, MapChart, PieChart, GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent]);

export { echarts };
export type ECharts = echarts.ECharts;
