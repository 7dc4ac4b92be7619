import { hoursMinutes } from "./format.js";

/**
 * @typedef {object} ChartMonth
 * @property {string} month YYYY-MM
 * @property {boolean} inTerm false for months before the contract began (nothing drawn)
 * @property {number} used
 * @property {number} fromPool
 * @property {number} overage
 * @property {number} expired
 * @property {number | null} limit the month's quota (or a pool's monthly basis), drawn as a line
 */

/**
 * @typedef {object} ChartText
 * @property {string} label the chart's accessible name
 * @property {(month: string) => string} shortMonth
 * @property {(month: ChartMonth) => string} describe the tooltip of one month
 */

const SVG = "http://www.w3.org/2000/svg";
const LEFT = 44;
const RIGHT = 4;
const TOP = 10;
const BOTTOM = 22;
/** Series from the bottom of a bar up; each has a class in styles.css. */
const SERIES = /** @type {const} */ (["used", "fromPool", "overage", "expired"]);

/**
 * @param {string} tag
 * @param {Record<string, string | number>} attributes
 * @param {...(Node | string)} children
 * @returns {SVGElement}
 */
function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/**
 * The top of the scale in minutes: whole hours in a step that gives four even grid lines.
 * @param {number} maxMinutes
 * @returns {number}
 */
export function scaleTop(maxMinutes) {
  const hours = Math.max(1, Math.ceil(maxMinutes / 60));
  for (const step of [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000]) {
    if (step * 4 >= hours) return step * 4 * 60;
  }
  return Math.ceil(hours / 4) * 4 * 60;
}

/**
 * A stacked bar chart of a contract's months (used, from the pool, overage, expired) with the quota
 * as a line: plain SVG, no library.
 * @param {ChartMonth[]} months oldest first
 * @param {ChartText} text
 * @param {(month: string) => void} [onSelect] called when a month's bar is clicked
 * @param {{ width?: number, height?: number }} [size] the drawing's units; the SVG scales to its box,
 *   so a narrow box wants a narrow drawing for its labels to stay readable
 * @returns {SVGElement}
 */
export function barChart(months, text, onSelect, { width: WIDTH = 640, height: HEIGHT = 200 } = {}) {
  const totals = months.map((m) => (m.inTerm ? m.used + m.fromPool + m.overage + m.expired : 0));
  const limits = months.map((m) => (m.inTerm && m.limit !== null ? m.limit : 0));
  const top = scaleTop(Math.max(...totals, ...limits, 60));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, months.length);
  const barWidth = Math.min(32, slot * 0.64);
  /** @param {number} minutes */
  const y = (minutes) => TOP + plotHeight - (minutes / top) * plotHeight;

  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "chart",
    role: "img",
    "aria-label": text.label,
  });
  for (let i = 0; i <= 4; i++) {
    const minutes = (top / 4) * i;
    chart.append(
      svg("line", { class: "grid", x1: LEFT, x2: WIDTH - RIGHT, y1: y(minutes), y2: y(minutes) }),
      svg(
        "text",
        { class: "axis", x: LEFT - 6, y: y(minutes) + 4, "text-anchor": "end" },
        hoursMinutes(minutes),
      ),
    );
  }
  months.forEach((month, i) => {
    const x = LEFT + slot * i + (slot - barWidth) / 2;
    const group = svg("g", {
      class: "bar",
      "data-month": month.month,
      "data-used": month.used,
      "data-from-pool": month.fromPool,
      "data-overage": month.overage,
      "data-expired": month.expired,
    });
    group.append(svg("title", {}, text.describe(month)));
    // A transparent hit area over the whole slot, so small bars are easy to point at.
    group.append(svg("rect", { class: "hit", x: LEFT + slot * i, y: TOP, width: slot, height: plotHeight }));
    if (month.inTerm) {
      let base = 0;
      for (const series of SERIES) {
        const minutes = month[series];
        if (minutes <= 0) continue;
        group.append(
          svg("rect", {
            class: `s-${series}`,
            x,
            y: y(base + minutes),
            width: barWidth,
            height: Math.max(1, y(base) - y(base + minutes)),
          }),
        );
        base += minutes;
      }
      if (month.limit !== null && month.limit > 0) {
        const ly = y(month.limit);
        group.append(svg("line", { class: "limit", x1: x - 4, x2: x + barWidth + 4, y1: ly, y2: ly }));
      }
    }
    group.append(
      svg(
        "text",
        { class: "axis", x: x + barWidth / 2, y: HEIGHT - 6, "text-anchor": "middle" },
        text.shortMonth(month.month),
      ),
    );
    if (onSelect) group.addEventListener("click", () => onSelect(month.month));
    chart.append(group);
  });
  return chart;
}
