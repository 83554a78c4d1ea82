/** True for a real calendar date written YYYY-MM-DD (not 2024-02-30, nor 2024-13-01 or 0000-00-00). */
export const isCalendarDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
};
