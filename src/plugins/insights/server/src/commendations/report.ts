import type { Direction, reportRows } from './records';

type Report = { unit: { documentId: string; name: string }; rows: ReturnType<typeof reportRows> }[];

const DIRECTIONS: Record<Direction, string> = { received: 'Được khen', issued: 'Đã khen' };
const HEADER = ['Đơn vị', 'Năm', 'Hình thức', 'Chiều', 'Số quyết định', 'Tập thể', 'Cá nhân'];

/** One CSV field: quoted, quotes doubled; a leading =, +, - or @ is prefixed so a spreadsheet never runs it. */
const field = (value: string | number) => {
  const raw = String(value);
  const safe = /^[=+\-@]/.test(raw) ? `'${raw}` : raw;
  return `"${safe.replace(/"/g, '""')}"`;
};

/**
 * The annual emulation report as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese):
 * per unit (the unit with its sub-tree first, then each direct sub-unit), year, form and direction.
 */
export const reportCsv = (report: Report, formLabels: Record<string, string>) => {
  const lines = report.flatMap(({ unit, rows }) =>
    [...rows]
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.form.localeCompare(b.form))
      .map((row) =>
        [
          unit.name,
          row.year ?? '',
          formLabels[row.form] ?? row.form,
          DIRECTIONS[row.direction],
          row.decisions,
          row.collectives,
          row.individuals,
        ]
          .map(field)
          .join(',')
      )
  );
  return `\uFEFF${[HEADER.map(field).join(','), ...lines].join('\r\n')}\r\n`;
};
