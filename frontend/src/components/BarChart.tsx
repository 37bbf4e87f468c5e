type Bar = { label: string; value: number };

type BarChartProps = {
  /** What the chart shows, read by screen readers and shown as its title. */
  title: string;
  bars: Bar[];
  formatValue?: (value: number) => string;
};

const WIDTH = 320;
const HEIGHT = 140;
const LABEL_SPACE = 18;
const SIDE_ROOM = 14;

/** A small bar chart in SVG, with the same numbers in a table for screen readers. */
export function BarChart({ title, bars, formatValue = String }: BarChartProps) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const plot = HEIGHT - LABEL_SPACE;
  // Label every bar when few, else every few, so labels never overlap on a phone.
  const labelEvery = Math.max(1, Math.ceil(bars.length / 6));

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      {/* Room on both sides for the first and last labels, which are centred on their bars. */}
      <svg
        viewBox={`${-SIDE_ROOM} 0 ${WIDTH + 2 * SIDE_ROOM} ${HEIGHT}`}
        aria-hidden="true"
        className="chart-svg"
      >
        {bars.map((bar, index) => {
          const height = (bar.value / max) * (plot - 14);
          const x = index * slot + slot * 0.15;
          return (
            <g key={`${bar.label}-${index}`}>
              <rect
                x={x}
                y={plot - height}
                width={slot * 0.7}
                height={Math.max(height, bar.value > 0 ? 2 : 0)}
                rx={3}
                className="chart-bar"
              />
              {bar.value > 0 && bars.length <= 12 && (
                <text x={x + slot * 0.35} y={plot - height - 3} className="chart-value">
                  {formatValue(bar.value)}
                </text>
              )}
              {index % labelEvery === 0 && (
                <text x={x + slot * 0.35} y={HEIGHT - 4} className="chart-label">
                  {bar.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((bar, index) => (
            <tr key={`${bar.label}-${index}`}>
              <th scope="row">{bar.label}</th>
              <td>{formatValue(bar.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
