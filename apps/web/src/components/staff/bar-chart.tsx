import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

// A canvas keeps the size it had on screen; redraw at the paper's width before printing.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => {
    for (const chart of Object.values(Chart.instances)) chart.resize();
  });
}

export interface ReferenceLine {
  value: number;
  label: string;
  color: string;
}

export interface BarChartProps {
  labels: string[];
  datasets: ChartDataset<'bar', number[]>[];
  /** Vertical lines across the bars, such as a target or a benchmark. */
  references?: ReferenceLine[];
  /** How a value reads on the axis and in the tooltip. */
  format: (value: number) => string;
  max?: number;
  /** What the chart shows, for screen readers (the tables beside it carry the figures). */
  summary: string;
}

function referencePlugin(lines: ReferenceLine[]): Plugin<'bar'> {
  return {
    id: 'referenceLines',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (x === undefined) return;

      ctx.save();
      for (const line of lines) {
        const at = x.getPixelForValue(line.value);
        ctx.strokeStyle = line.color;
        ctx.fillStyle = line.color;
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(at, chartArea.top);
        ctx.lineTo(at, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = '12px system-ui, sans-serif';
        ctx.textAlign = at > chartArea.right - 80 ? 'right' : 'left';
        ctx.fillText(line.label, at + (ctx.textAlign === 'right' ? -4 : 4), chartArea.top + 12);
      }
      ctx.restore();
    },
  };
}

/** Horizontal bars, one row per item, with optional reference lines; drawn with Chart.js. */
export function BarChart({
  labels,
  datasets,
  references = [],
  format,
  max,
  summary,
}: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return;

    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets },
      plugins: [referencePlugin(references)],
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            min: 0,
            ...(max === undefined ? {} : { max }),
            ticks: { callback: (v) => format(Number(v)) },
          },
          y: { ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom' },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label ?? ''} ${format(Number(item.raw))}`,
            },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, datasets, references, format, max]);

  const height = Math.max(160, labels.length * (datasets.length > 1 ? 34 : 26) + 70);
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
