type Point = { label: string; value: number };

type LineChartProps = {
  title: string;
  /** Oldest first. */
  points: Point[];
  formatValue?: (value: number) => string;
};

const WIDTH = 320;
const HEIGHT = 150;
const PAD = { top: 16, right: 12, bottom: 20, left: 12 };

/** A small line chart in SVG (lowest and highest values marked), with a table for screen readers. */
export function LineChart({ title, points, formatValue = String }: LineChartProps) {
  const values = points.map((point) => point.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const coordinates = points.map((point, index) => ({
    x: PAD.left + (points.length === 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth),
    y: PAD.top + plotHeight - ((point.value - min) / span) * plotHeight,
  }));
  const first = points[0];
  const last = points.at(-1);

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      {points.length > 0 && (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" className="chart-svg">
          <polyline
            points={coordinates.map(({ x, y }) => `${x},${y}`).join(' ')}
            className="chart-line"
          />
          {coordinates.map(({ x, y }, index) => (
            <circle key={index} cx={x} cy={y} r={3} className="chart-dot" />
          ))}
          <text x={PAD.left} y={10} className="chart-value chart-start">
            {formatValue(max)}
          </text>
          <text x={PAD.left} y={HEIGHT - 24} className="chart-value chart-start">
            {max !== min ? formatValue(min) : ''}
          </text>
          {first && (
            <text x={PAD.left} y={HEIGHT - 4} className="chart-label chart-start">
              {first.label}
            </text>
          )}
          {last && points.length > 1 && (
            <text x={WIDTH - PAD.right} y={HEIGHT - 4} className="chart-label chart-end">
              {last.label}
            </text>
          )}
        </svg>
      )}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {points.map((point, index) => (
            <tr key={`${point.label}-${index}`}>
              <th scope="row">{point.label}</th>
              <td>{formatValue(point.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
