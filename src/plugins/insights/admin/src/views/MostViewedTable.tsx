import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { RankedEntry } from './api';

export const MostViewedTable = ({
  entries,
  selected,
  onSelect,
}: {
  entries: RankedEntry[];
  selected?: string;
  onSelect?: (entry: RankedEntry) => void;
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
    <Table colCount={3} rowCount={entries.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">
              {formatMessage({ id: 'insights.table.rank', defaultMessage: '#' })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {formatMessage({ id: 'insights.table.title', defaultMessage: 'Title' })}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">
              {formatMessage({ id: 'insights.table.views', defaultMessage: 'Views' })}
            </Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map((entry, index) => (
          <Tr
            key={entry.documentId}
            onClick={onSelect ? () => onSelect(entry) : undefined}
            style={{
              cursor: onSelect ? 'pointer' : undefined,
              background: entry.documentId === selected ? '#f0f0ff' : undefined,
            }}
          >
            <Td>
              <Typography>{index + 1}</Typography>
            </Td>
            <Td>
              <Typography fontWeight={entry.documentId === selected ? 'bold' : undefined}>
                {entry.title}
              </Typography>
            </Td>
            <Td>
              <Typography>{formatNumber(entry.views)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
