import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';

import type { RankedEntry } from './api';

/**
 * Ranked entries: rank, title (a link to the entry's edit view when `linkTo` is given) and views. The title
 * column takes what is left and cuts long titles, so the numbers stay visible in a narrow homepage widget.
 */
export const MostViewedTable = ({
  entries,
  selected,
  onSelect,
  linkTo,
}: {
  entries: RankedEntry[];
  selected?: string;
  onSelect?: (entry: RankedEntry) => void;
  linkTo?: (entry: RankedEntry) => string;
}) => {
  const { formatMessage, formatNumber } = useIntl();
  if (entries.length === 0) {
    return (
      <Typography textColor="neutral600">
        {formatMessage({
          id: 'insights.table.empty',
          defaultMessage: 'No views in this period yet',
        })}
      </Typography>
    );
  }
  return (
    <Table
      colCount={3}
      rowCount={entries.length + 1}
      style={{ tableLayout: 'fixed', width: '100%' }}
    >
      <Thead>
        <Tr>
          <Th style={{ width: '2.5rem' }}>
            <Typography variant="sigma">
              {formatMessage({ id: 'insights.table.rank', defaultMessage: '#' })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {formatMessage({ id: 'insights.table.title', defaultMessage: 'Title' })}
            </Typography>
          </Th>
          <Th style={{ width: '6.5rem' }}>
            <Typography variant="sigma">
              {formatMessage({ id: 'insights.table.views', defaultMessage: 'Views' })}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((entry, index) => {
          const title = (
            <Typography
              ellipsis
              title={entry.title}
              fontWeight={entry.documentId === selected ? 'bold' : undefined}
            >
              {entry.title}
            </Typography>
          );
          return (
            <Tr
              key={entry.documentId}
              data-testid="insights-ranked-entry"
              onClick={onSelect ? () => onSelect(entry) : undefined}
              style={{
                cursor: onSelect ? 'pointer' : undefined,
                background: entry.documentId === selected ? '#f0f0ff' : undefined,
              }}
            >
              <Td>
                <Typography>{index + 1}</Typography>
              </Td>
              <Td style={{ overflow: 'hidden' }}>
                {linkTo ? (
                  <Link to={linkTo(entry)} style={{ display: 'block', overflow: 'hidden' }}>
                    {title}
                  </Link>
                ) : (
                  title
                )}
              </Td>
              <Td>
                <Typography data-testid="insights-ranked-views">
                  {formatNumber(entry.views)}
                </Typography>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
