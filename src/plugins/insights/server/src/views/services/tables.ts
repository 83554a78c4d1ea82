/**
 * Tables the plugin owns, made and changed by its migrations (../migrations). Counts live here, apart from the
 * entries: a counter on an entry flips it to "Modified".
 */
export const TOTALS = 'insights_view_totals';
export const BUCKETS = 'insights_view_buckets';
export const MARKS = 'insights_visitor_marks';
export const SALTS = 'insights_salts';
