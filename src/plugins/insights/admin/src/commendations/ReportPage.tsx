import {
  Box,
  Button,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { getFetchClient, Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';

type Row = {
  year: number | null;
  form: string;
  direction: 'received' | 'issued';
  decisions: number;
  collectives: number;
  individuals: number;
};
type Block = { unit: { documentId: string; name: string }; rows: Row[] };
type Line = { year: number | null; form: string } & Record<Row['direction'], Row | undefined>;

/** One line per year and form, received and issued side by side, newest year first. */
const linesOf = (rows: Row[]): Line[] => {
  const lines = new Map<string, Line>();
  for (const row of rows) {
    const key = `${row.year}|${row.form}`;
    const line = lines.get(key) ?? {
      year: row.year,
      form: row.form,
      received: undefined,
      issued: undefined,
    };
    lines.set(key, { ...line, [row.direction]: row });
  }
  return [...lines.values()].sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0) || a.form.localeCompare(b.form)
  );
};

const counts = (row: Row | undefined) =>
  row ? `${row.decisions} · ${row.collectives} · ${row.individuals}` : '–';

/** Saves the server's CSV (the admin API needs the session's token, so a plain link cannot fetch it). */
const downloadCsv = async (documentId: string) => {
  const { data } = await getFetchClient().get(`/insights/units/${documentId}/report.csv`, {
    responseType: 'blob',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = `khen-thuong-${documentId}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
};

/**
 * The annual emulation report of a unit (báo cáo thi đua, khen thưởng): the unit with its sub-units, then each
 * direct sub-unit, by year and form; decisions · collectives · individuals received and issued. Printable.
 */
const ReportPage = () => {
  const { documentId = '' } = useParams();
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id, defaultMessage });
  const [blocks, setBlocks] = useState<Block[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    getFetchClient()
      .get<{ data: Block[] }>(`/insights/units/${documentId}/report`)
      .then(
        ({ data }) => setBlocks(data.data),
        () => setFailed(true)
      );
  }, [documentId]);
  const formLabel = (form: string) => t(`insights.form.${form}`, form);
  return (
    <Page.Main>
      <Page.Title>{t('insights.report.title', 'Annual emulation report')}</Page.Title>
      <Layouts.Header
        title={blocks?.[0]?.unit.name ?? t('insights.report.title', 'Annual emulation report')}
        subtitle={t(
          'insights.report.subtitle',
          'Commendations by year and form, with sub-units: decisions · collectives · individuals'
        )}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={() => downloadCsv(documentId)}>
              {t('insights.report.csv', 'Download CSV')}
            </Button>
            <Button onClick={() => window.print()}>{t('insights.report.print', 'Print')}</Button>
          </Flex>
        }
      />
      <Layouts.Content>
        {failed && <Typography>{t('insights.error', 'Could not load the figures')}</Typography>}
        <Flex direction="column" alignItems="stretch" gap={6}>
          {(blocks ?? []).map((block, index) => (
            <Box key={block.unit.documentId} data-testid="insights-report-unit">
              <Typography variant={index === 0 ? 'beta' : 'delta'} tag="h2">
                {index === 0
                  ? `${block.unit.name} (${t('insights.report.withSubUnits', 'with sub-units')})`
                  : block.unit.name}
              </Typography>
              <Table colCount={4} rowCount={block.rows.length + 1}>
                <Thead>
                  <Tr>
                    <Th>{t('insights.report.year', 'Year')}</Th>
                    <Th>{t('insights.report.form', 'Form')}</Th>
                    <Th>{t('insights.panel.received', 'Received')}</Th>
                    <Th>{t('insights.panel.issued', 'Issued')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {linesOf(block.rows).map((line) => (
                    <Tr key={`${line.year}-${line.form}`}>
                      <Td>{line.year ?? '–'}</Td>
                      <Td>{formLabel(line.form)}</Td>
                      <Td>{counts(line.received)}</Td>
                      <Td>{counts(line.issued)}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReportPage;
