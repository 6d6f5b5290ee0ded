import { useId } from 'react';
import type { Bar } from './chart-data';
import { TRACK } from './chart-data';

const ROW = 14;
const BAR = 8;

/**
 * A horizontal bar chart as SVG (role="img", titled by the heading, each bar labelled) with the
 * same figures in a table for screen readers and copying. Mirrors in RTL: bars grow from the
 * inline start because the SVG is flipped with the page direction.
 */
export function BarChart(props: {
  title: string;
  bars: readonly Bar[];
  describe(bar: Bar): string;
  headers: { label: string; count: string; share: string };
  percent(share: number): string;
  dir: 'rtl' | 'ltr';
}) {
  const id = useId();
  const height = props.bars.length * ROW;
  return (
    <figure className="chart-figure">
      <figcaption id={`${id}-title`}>
        <h3>{props.title}</h3>
      </figcaption>
      <svg
        className="chart"
        role="img"
        aria-labelledby={`${id}-title`}
        viewBox={`0 0 ${TRACK} ${height}`}
        width="100%"
        preserveAspectRatio="none"
        style={{
          maxBlockSize: `${props.bars.length * 2}rem`,
          transform: props.dir === 'rtl' ? 'scaleX(-1)' : undefined,
        }}
        data-testid="bar-chart"
      >
        {props.bars.map((b, i) => (
          <rect
            key={b.key}
            x={0}
            y={i * ROW + (ROW - BAR) / 2}
            width={Math.max(b.length, 0.5)}
            height={BAR}
            fill="var(--accent)"
            role="presentation"
          >
            <title>{props.describe(b)}</title>
          </rect>
        ))}
      </svg>
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{props.headers.label}</th>
              <th scope="col">{props.headers.count}</th>
              <th scope="col">{props.headers.share}</th>
            </tr>
          </thead>
          <tbody>
            {props.bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td>{b.count}</td>
                <td>{props.percent(b.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
