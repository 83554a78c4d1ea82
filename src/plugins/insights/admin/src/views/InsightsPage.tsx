import {
  Box,
  Checkbox,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { getFetchClient, Layouts, Page } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import {
  fetchDaily,
  fetchTop,
  isoDay,
  isPeriod,
  type DailyRow,
  type Period,
  type RankedEntry,
} from './api';
import { portalNow, useSettings, type Settings } from '../settings';
import { DailyChart } from './DailyChart';
import { MostViewedTable } from './MostViewedTable';

const DAY_SPANS = [7, 30, 90, 365];

type Option = { value: string; label: string };

/** Locales (and the default one) and units to filter by, from the admin APIs of i18n and the content manager. */
const useFilterOptions = (settings: Settings | null) => {
  const [locales, setLocales] = useState<Option[]>([]);
  const [defaultLocale, setDefaultLocale] = useState<string | null>(null);
  const [units, setUnits] = useState<Option[]>([]);
  useEffect(() => {
    getFetchClient()
      .get<{ code: string; name: string; isDefault: boolean }[]>('/i18n/locales')
      .then(({ data }) => {
        setLocales(data.map((l) => ({ value: l.code, label: l.name })));
        setDefaultLocale(data.find((l) => l.isDefault)?.code ?? data[0]?.code ?? null);
      });
  }, []);
  useEffect(() => {
    if (!settings) return;
    const { unit, unitName } = settings.commendations;
    getFetchClient()
      .get<{ results: Record<string, unknown>[] }>(
        `/content-manager/collection-types/${unit}?page=1&pageSize=100&sort=${unitName}:ASC`
      )
      .then(({ data }) =>
        setUnits(
          data.results.map((u) => ({
            value: String(u.documentId),
            label: String(u[unitName] ?? ''),
          }))
        )
      );
  }, [settings]);
  return { locales, defaultLocale, units };
};

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
      value={value}
      onChange={(next: string | number) => onChange(String(next))}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Box>
);

const InsightsPage = () => {
  const { formatMessage } = useIntl();
  const settings = useSettings();
  const { locales, defaultLocale, units } = useFilterOptions(settings);
  const [chosenLocale, setLocale] = useState<string | null>(null);
  const locale = chosenLocale ?? defaultLocale ?? undefined;
  const [unit, setUnit] = useState('');
  const [withSubUnits, setWithSubUnits] = useState(false);
  const [period, setPeriod] = useState<Period>('week');
  const [days, setDays] = useState(30);
  const [entries, setEntries] = useState<RankedEntry[]>([]);
  const [selected, setSelected] = useState<RankedEntry | null>(null);
  const [daily, setDaily] = useState<DailyRow[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!locale) return;
    fetchTop({
      period,
      locale,
      organization: unit || undefined,
      include: unit && withSubUnits ? 'descendants' : undefined,
      limit: 20,
    }).then(
      (top) => {
        setEntries(top);
        setSelected(
          (current) =>
            top.find((entry) => entry.documentId === current?.documentId) ?? top[0] ?? null
        );
      },
      () => setFailed(true)
    );
  }, [period, locale, unit, withSubUnits]);

  useEffect(() => {
    if (!selected || !settings) return setDaily([]);
    const to = portalNow(settings);
    const from = new Date(to.getTime() - (days - 1) * 86_400_000);
    fetchDaily(selected.documentId, { from: isoDay(from), to: isoDay(to), locale }).then(
      setDaily,
      () => setFailed(true)
    );
  }, [selected, days, locale, settings]);

  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id, defaultMessage }, values);
  return (
    <Page.Main>
      <Page.Title>{t('insights.page.title', 'Views')}</Page.Title>
      <Layouts.Header
        title={t('insights.page.title', 'Views')}
        subtitle={t('insights.page.subtitle', 'Most viewed entries and daily views')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Grid.Root gap={4}>
            <Grid.Item col={3} s={6}>
              <Filter
                label={t('insights.filters.locale', 'Locale')}
                value={locale ?? ''}
                options={locales}
                onChange={setLocale}
              />
            </Grid.Item>
            <Grid.Item col={3} s={6}>
              <Filter
                label={t('insights.filters.unit', 'Unit')}
                value={unit || 'all'}
                options={[
                  { value: 'all', label: t('insights.filters.unit.all', 'All units') },
                  ...units,
                ]}
                onChange={(value) => setUnit(value === 'all' ? '' : value)}
              />
              <Box paddingTop={2}>
                <Checkbox
                  checked={withSubUnits}
                  disabled={!unit}
                  onCheckedChange={(checked: boolean | 'indeterminate') =>
                    setWithSubUnits(checked === true)
                  }
                >
                  {t('insights.filters.unit.subUnits', 'Include sub-units')}
                </Checkbox>
              </Box>
            </Grid.Item>
            <Grid.Item col={3} s={6}>
              <Filter
                label={t('insights.filters.period', 'Ranking period')}
                value={period}
                options={(settings?.rankPeriods ?? [period]).map((p) => ({
                  value: p,
                  label: t(`insights.period.${p}`, p),
                }))}
                onChange={(value) => setPeriod(isPeriod(value) ? value : 'week')}
              />
            </Grid.Item>
            <Grid.Item col={3} s={6}>
              <Filter
                label={t('insights.filters.days', 'Chart')}
                value={String(days)}
                options={DAY_SPANS.map((n) => ({
                  value: String(n),
                  label: t(`insights.days.${n}`, `${n} days`),
                }))}
                onChange={(value) => setDays(Number(value))}
              />
            </Grid.Item>
          </Grid.Root>
          {failed && (
            <Typography textColor="danger600">
              {t('insights.error', 'Could not load the figures')}
            </Typography>
          )}
          {selected && (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">
                {t('insights.chart.title', 'Daily views: {title}', { title: selected.title })}
              </Typography>
              <DailyChart rows={daily} label={selected.title} />
              <Typography variant="pi">
                {t('insights.chart.total', '{total} views in the period', {
                  total: daily.reduce((sum, row) => sum + row.views, 0),
                })}
              </Typography>
            </Box>
          )}
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <MostViewedTable
              entries={entries}
              selected={selected?.documentId}
              onSelect={setSelected}
            />
            <Box paddingTop={4}>
              <Typography variant="pi" textColor="neutral600" data-testid="insights-imported-note">
                {t(
                  'insights.page.imported',
                  'Totals include the counts imported from the old portal; those are not in the daily chart nor in any day, week, month or year.'
                )}
              </Typography>
            </Box>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default InsightsPage;
