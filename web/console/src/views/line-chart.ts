import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

/**
 * A small line chart (uPlot, ~50 kB, canvas) that redraws at its container's width. The canvas is
 * hidden from screen readers: each chart sits in a <figure> with a caption and a data table.
 */
export function drawLineChart(host: HTMLElement, days: string[], series: Series[], options: { percent?: boolean; height?: number; xLabel: string }): () => void {
  host.replaceChildren();
  const x = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const format = (v: number | null) => (v === null || v === undefined ? '—' : options.percent ? `${Math.round(v * 100)}%` : String(Math.round(v)));
  const width = () => Math.max(280, host.clientWidth);
  const plot = new uPlot(
    {
      width: width(),
      height: options.height ?? 240,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true }, y: options.percent ? { range: [0, 1] } : { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
      axes: [
        { stroke: '#44515c', grid: { stroke: '#e3e8ec' }, ticks: { stroke: '#c5ced6' } },
        { stroke: '#44515c', grid: { stroke: '#e3e8ec' }, ticks: { stroke: '#c5ced6' }, values: (_u, vals) => vals.map((v) => format(v)), size: 52 },
      ],
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      series: [{ label: options.xLabel, value: (_u, v) => (v ? new Date(v * 1000).toISOString().slice(0, 10) : '') }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, dash: s.dash, points: { size: 5 }, value: (_u: uPlot, v: number | null) => format(v), spanGaps: false }))],
    },
    [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
    host,
  );
  host.querySelector('canvas')?.setAttribute('aria-hidden', 'true');
  const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: options.height ?? 240 }));
  observer.observe(host);
  return () => {
    observer.disconnect();
    plot.destroy();
  };
}
