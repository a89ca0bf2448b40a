import type { ECharts } from './echarts';

export interface PngSpec {
  filename: string;
  title: string;
  subtitle: string;
  /** A chart drawn as it is on screen. */
  chart?: ECharts | null;
  /** Rows of label and value, for panels that are not charts. */
  lines?: Array<[string, string]>;
}

const BG = '#0f2138';
const FG = '#e6edf6';
const MUTED = '#9fb3c8';
const FONT = '"Noto Sans", "Segoe UI", Roboto, Arial, sans-serif';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = src;
  });
}

/** Draws a panel as a picture on a canvas, in the browser, and downloads it as .png. */
export async function downloadPanelPng(spec: PngSpec): Promise<void> {
  const width = 1400;
  const pad = 40;
  const chartUrl = spec.chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: BG });
  const img = chartUrl ? await loadImage(chartUrl) : null;
  const chartHeight = img ? Math.round(((width - 2 * pad) * img.height) / img.width) : 0;
  const lineHeight = 44;
  const lines = spec.lines ?? [];
  const height = pad + 56 + 40 + (img ? chartHeight + 24 : 0) + lines.length * lineHeight + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.fillStyle = BG;
  g.fillRect(0, 0, width, height);
  g.fillStyle = FG;
  g.font = `bold 40px ${FONT}`;
  g.fillText(spec.title, pad, pad + 40);
  g.fillStyle = MUTED;
  g.font = `24px ${FONT}`;
  g.fillText(spec.subtitle, pad, pad + 84);
  let y = pad + 112;
  if (img) {
    g.drawImage(img, pad, y, width - 2 * pad, chartHeight);
    y += chartHeight + 24;
  }
  for (const [label, value] of lines) {
    g.fillStyle = MUTED;
    g.font = `26px ${FONT}`;
    g.fillText(label, pad, y + 30, width * 0.62);
    g.fillStyle = FG;
    g.font = `bold 28px ${FONT}`;
    g.textAlign = 'right';
    g.fillText(value, width - pad, y + 30);
    g.textAlign = 'left';
    g.strokeStyle = '#1f3b5c';
    g.beginPath();
    g.moveTo(pad, y + lineHeight - 4);
    g.lineTo(width - pad, y + lineHeight - 4);
    g.stroke();
    y += lineHeight;
  }
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = spec.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
