import { Box, Typography } from '@strapi/design-system';

import { useIntl } from 'react-intl';

import { displayDay, type DailyRow } from './api';

/** A plain SVG bar chart: one bar a day, the busiest day full height. */
export const DailyChart = ({ rows, label }: { rows: DailyRow[]; label: string }) => {
  const { formatMessage } = useIntl();
  const max = Math.max(1, ...rows.map((row) => row.views));
  const width = 720;
  const height = 180;
  const barWidth = width / Math.max(1, rows.length);
  return (
    <Box>
      <svg
        role="img"
        data-testid="insights-daily-chart"
        aria-label={label}
        viewBox={`0 0 ${width} ${height + 20}`}
        width={width}
        height={height + 20}
        style={{ maxWidth: '100%' }}
      >
        {rows.map((row, i) => {
          const barHeight = (row.views / max) * height;
          return (
            <rect
              key={row.day}
              x={i * barWidth + 1}
              y={height - barHeight}
              width={Math.max(1, barWidth - 2)}
              height={barHeight}
              fill="#4945ff"
            >
              <title>{`${displayDay(row.day)}: ${row.views}`}</title>
            </rect>
          );
        })}
        <line x1={0} y1={height} x2={width} y2={height} stroke="#dcdce4" />
        {rows.length > 0 && (
          <>
            <text x={0} y={height + 15} fontSize="11" fill="#666687">
              {displayDay(rows[0].day)}
            </text>
            <text x={width} y={height + 15} fontSize="11" fill="#666687" textAnchor="end">
              {displayDay(rows[rows.length - 1].day)}
            </text>
          </>
        )}
      </svg>
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: 'insights.chart.max', defaultMessage: 'Busiest day: {max}' }, { max })}
      </Typography>
    </Box>
  );
};
