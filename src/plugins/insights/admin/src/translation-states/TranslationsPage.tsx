import {
  Box,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
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
import { Link } from 'react-router-dom';

import { useSettings } from '../settings';
import { editLink, fetchTranslations, type ListFilters, type TranslationRow } from './api';
import { StateBadge } from './TranslationPanel';

type Option = { value: string; label: string };
const ALL = 'all';

const Filter = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) => (
  <Box>
    <Typography variant="pi" fontWeight="bold" tag="label">
      {label}
    </Typography>
    <SingleSelect
      aria-label={label}
      value={value || ALL}
      onChange={(next: string | number) => onChange(next === ALL ? '' : String(next))}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Box>
);

/** The translation locales (all but the default), from i18n's admin API. */
const useTranslationLocales = () => {
  const [locales, setLocales] = useState<Option[]>([]);
  useEffect(() => {
    getFetchClient()
      .get<{ code: string; name: string; isDefault: boolean }[]>('/i18n/locales')
      .then(({ data }) =>
        setLocales(data.filter((l) => !l.isDefault).map((l) => ({ value: l.code, label: l.name })))
      );
  }, []);
  return locales;
};

/** The Translations page: what is missing or outdated, per type and locale, each row linking to its entry. */
const TranslationsPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id, defaultMessage }, values);
  const settings = useSettings();
  const locales = useTranslationLocales();
  const [filters, setFilters] = useState<ListFilters>({
    type: '',
    locale: '',
    state: 'missing,outdated',
    page: 1,
  });
  const [rows, setRows] = useState<TranslationRow[]>([]);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    fetchTranslations(filters).then(({ data, meta }) => {
      setRows(data);
      setTotal(meta.pagination.total);
    });
  }, [filters]);
  const set = (key: keyof ListFilters) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value, page: 1 }));
  const all = { value: ALL, label: t('insights.translations.all', 'All') };
  const stateOptions = ['missing,outdated', 'missing', 'outdated', 'current'].map((value) => ({
    value,
    label: value
      .split(',')
      .map((state) => t(`insights.translations.state.${state}`, state))
      .join(', '),
  }));
  return (
    <Page.Main>
      <Page.Title>{t('insights.translations.title', 'Translations')}</Page.Title>
      <Layouts.Header
        title={t('insights.translations.title', 'Translations')}
        subtitle={t('insights.translations.subtitle', '{total} translations to do', { total })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12}>
              <Filter
                label={t('insights.translations.type', 'Type')}
                value={filters.type}
                options={[
                  all,
                  ...Object.keys(settings?.translationTypes ?? {}).map((type) => ({
                    value: type,
                    label: t(`insights.translations.type.${type}`, type),
                  })),
                ]}
                onChange={set('type')}
              />
            </Grid.Item>
            <Grid.Item col={4} s={12}>
              <Filter
                label={t('insights.filters.locale', 'Locale')}
                value={filters.locale}
                options={[all, ...locales]}
                onChange={set('locale')}
              />
            </Grid.Item>
            <Grid.Item col={4} s={12}>
              <Filter
                label={t('insights.translations.stateFilter', 'State')}
                value={filters.state}
                options={stateOptions}
                onChange={set('state')}
              />
            </Grid.Item>
          </Grid.Root>
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {[
                  t('insights.translations.type', 'Type'),
                  t('insights.table.title', 'Title'),
                  t('insights.filters.locale', 'Locale'),
                  t('insights.translations.stateFilter', 'State'),
                  t('insights.translations.fields', 'Fields'),
                ].map((label) => (
                  <Th key={label}>
                    <Typography variant="sigma">{label}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={`${row.contentType}:${row.documentId}:${row.locale}`}>
                  <Td>
                    <Typography>{t(`insights.translations.type.${row.type}`, row.type)}</Typography>
                  </Td>
                  <Td>
                    <Link
                      to={editLink(row.contentType, row.documentId, row.locale)}
                      data-testid="translation-row"
                    >
                      <Typography>{row.label}</Typography>
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{row.locale}</Typography>
                  </Td>
                  <Td>
                    <StateBadge state={row.state} />
                  </Td>
                  <Td>
                    <Typography variant="pi">
                      {[...row.missingFields, ...row.changedFields].join(', ')}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default TranslationsPage;
