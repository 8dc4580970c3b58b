/** Order statistics and the printed table of the benchmark. */

/** The q-quantile by nearest rank (q = 0.5: median, 0.95: p95); NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);
export const max = (values: readonly number[]): number => quantile(values, 1);

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '–');
export const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
export const kb = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(0)} KB` : '–');

/** One row of timings: its count, median, p95 and max, in milliseconds. */
export function row(label: string, values: readonly number[], format: (v: number) => string = ms): string {
  return `  ${label.padEnd(50)}${String(values.length).padStart(5)}${format(median(values)).padStart(10)}${format(
    p95(values),
  ).padStart(10)}${format(max(values)).padStart(10)}`;
}

export const header = (unit: string): string =>
  `  ${unit.padEnd(50)}${'n'.padStart(5)}${'median'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}`;

export interface BudgetResult {
  name: string;
  measured: string;
  limit: string;
  pass: boolean | null;
}

export function budgetLine({ name, measured, limit, pass }: BudgetResult): string {
  const verdict = pass === null ? 'N/A ' : pass ? 'PASS' : 'FAIL';
  return `  ${verdict}  ${name.padEnd(52)} ${measured.padStart(12)}  (budget ${limit})`;
}
