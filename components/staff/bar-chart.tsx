import { useId } from "react";
import { toPersianDigits } from "@/lib/utils/digits";

export type Bar = { label: string; value: number };

/** A figure with at most one decimal, in Persian digits and the Persian decimal separator: «۴٫۵». */
export function formatFigure(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace(".", "٫");
  return toPersianDigits(text);
}

// Geometry in viewBox units; the SVG scales to its container's width.
const WIDTH = 640;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 120;
const GAP = 8;
const ROW = 40;
const BAR = 24;
const PADDING = 8;
const BAR_START = WIDTH - LABEL_WIDTH - GAP; // bars grow leftwards from here, away from their labels
const BAR_MAX = BAR_START - VALUE_WIDTH;

/**
 * A horizontal bar chart drawn on the server as plain SVG, right to left:
 * labels on the right, bars growing towards the left. Screen readers get the
 * chart's name and the same figures in a table.
 */
export function BarChart({
  title,
  unit,
  bars,
  labelHeading = "عنوان",
  emptyText = "در ۳۰ روز گذشته درخواستی تصمیم‌گیری نشده است.",
}: {
  title: string;
  unit: string;
  bars: readonly Bar[];
  /** The column heading of the labels in the screen-reader table (e.g. «کارشناس»). */
  labelHeading?: string;
  emptyText?: string;
}) {
  const titleId = useId();
  if (bars.length === 0) return <p>{emptyText}</p>;

  const max = Math.max(...bars.map((bar) => (Number.isFinite(bar.value) ? bar.value : 0)), 0);
  const height = bars.length * ROW + 2 * PADDING;
  const widthOf = (value: number) => {
    if (!Number.isFinite(value) || value <= 0 || max <= 0) return 0;
    // A tiny but non-zero figure still shows as a sliver.
    return Math.max(2, (value / max) * BAR_MAX);
  };

  return (
    <div className="max-w-2xl">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        direction="rtl"
        className="h-auto w-full"
        fontSize={16}
      >
        <title id={titleId}>{title}</title>
        <line x1={BAR_START} x2={BAR_START} y1={PADDING / 2} y2={height - PADDING / 2} className="stroke-muted" strokeWidth={1} />
        {bars.map((bar, index) => {
          const top = PADDING + index * ROW;
          const middle = top + ROW / 2;
          const width = widthOf(bar.value);
          return (
            <g key={index} data-bar="">
              {/* text-anchor "start" under direction rtl: the text's right edge sits at x. */}
              <text x={WIDTH - GAP} y={middle} dominantBaseline="middle" textAnchor="start" className="fill-ink">
                {toPersianDigits(bar.label)}
              </text>
              <rect x={BAR_START - width} y={middle - BAR / 2} width={width} height={BAR} rx={2} className="fill-brand-700" />
              <text x={BAR_START - width - GAP} y={middle} dominantBaseline="middle" textAnchor="start" className="fill-ink font-bold">
                {formatFigure(bar.value)} {unit}
              </text>
            </g>
          );
        })}
      </svg>
      {/* Hidden by a wrapper, not on the table: a table's caption sits outside the table box, so an
          sr-only table still widened the page (sideways scroll at 200 % text on a phone). */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col">مقدار ({unit})</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={index}>
                <th scope="row">{toPersianDigits(bar.label)}</th>
                <td>{formatFigure(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
