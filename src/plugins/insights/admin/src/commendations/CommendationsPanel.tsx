import { Box, Checkbox, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { getFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';

import { PLUGIN_ID } from '../pluginId';
import { useSettings } from '../settings';

type Commendation = {
  documentId: string;
  title: string;
  year: number | null;
  revoked: boolean;
  direction: 'issued' | 'received';
  positions?: { title: string }[];
};

const awardLink = (awardType: string, documentId: string) =>
  `/content-manager/collection-types/${awardType}/${documentId}`;

const CommendationList = ({
  entries,
  empty,
  awardType,
}: {
  entries: Commendation[];
  empty: string;
  awardType: string;
}) =>
  entries.length === 0 ? (
    <Typography variant="pi" textColor="neutral600">
      {empty}
    </Typography>
  ) : (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {entries.map((entry) => (
        <li key={entry.documentId} data-testid="insights-commendation">
          <Link to={awardLink(awardType, entry.documentId)}>
            <Typography variant="omega" textDecoration={entry.revoked ? 'line-through' : undefined}>
              {entry.title}
            </Typography>
          </Link>
          <Typography variant="pi" textColor="neutral600">
            {[
              entry.year,
              ...(entry.positions ?? []).map((p) => p.title),
              entry.revoked ? '×' : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </li>
      ))}
    </Flex>
  );

/** The edit view's locale, so titles and names come in the language being edited. */
const localeParam = (locale: string) => (locale ? `&locale=${encodeURIComponent(locale)}` : '');

type ListProps = { documentId: string; awardType: string; locale: string };

const UnitCommendations = ({ documentId, awardType, locale }: ListProps) => {
  const { formatMessage } = useIntl();
  const [withSubUnits, setWithSubUnits] = useState(false);
  const [entries, setEntries] = useState<Commendation[]>([]);
  useEffect(() => {
    const include = withSubUnits ? '&include=descendants' : '';
    getFetchClient()
      .get<{ data: Commendation[] }>(
        `/insights/units/${documentId}/commendations?status=all&pageSize=100${include}${localeParam(locale)}`
      )
      .then(({ data }) => setEntries(data.data));
  }, [documentId, withSubUnits, locale]);
  const received = entries.filter((entry) => entry.direction === 'received');
  const issued = entries.filter((entry) => entry.direction === 'issued');
  const t = (id: string, defaultMessage: string) => formatMessage({ id, defaultMessage });
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Checkbox
        checked={withSubUnits}
        onCheckedChange={(checked: boolean | 'indeterminate') => setWithSubUnits(checked === true)}
      >
        {t('insights.panel.subUnits', 'Include sub-units')}
      </Checkbox>
      <Typography variant="sigma">{t('insights.panel.received', 'Received')}</Typography>
      <CommendationList
        entries={received}
        empty={t('insights.panel.none', 'None')}
        awardType={awardType}
      />
      <Typography variant="sigma">{t('insights.panel.issued', 'Issued')}</Typography>
      <CommendationList
        entries={issued}
        empty={t('insights.panel.none', 'None')}
        awardType={awardType}
      />
      <Link to={`/plugins/${PLUGIN_ID}/report/${documentId}`}>
        <Typography variant="omega">
          {t('insights.report.open', 'Annual emulation report')}
        </Typography>
      </Link>
    </Flex>
  );
};

const PersonCommendations = ({ documentId, awardType, locale }: ListProps) => {
  const { formatMessage } = useIntl();
  const [entries, setEntries] = useState<Commendation[]>([]);
  useEffect(() => {
    getFetchClient()
      .get<{ data: Commendation[] }>(
        `/insights/officials/${documentId}/commendations?status=all&pageSize=100${localeParam(locale)}`
      )
      .then(({ data }) => setEntries(data.data));
  }, [documentId, locale]);
  return (
    <Box>
      <CommendationList
        entries={entries}
        empty={formatMessage({ id: 'insights.panel.none', defaultMessage: 'None' })}
        awardType={awardType}
      />
    </Box>
  );
};

/**
 * Edit view side panel: a unit's commendations (received, with a sub-units toggle, and issued), or a person's.
 * Which types are the unit, the person and the award comes from the server's settings.
 */
export const CommendationsPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const settings = useSettings();
  if (!settings || !documentId) return null;
  const { unit, person, award } = settings.commendations;
  if (model !== unit && model !== person) return null;
  const locale = typeof document?.locale === 'string' ? document.locale : '';
  return {
    title: formatMessage({ id: 'insights.panel.title', defaultMessage: 'Commendations' }),
    content:
      model === unit ? (
        <UnitCommendations documentId={documentId} awardType={award} locale={locale} />
      ) : (
        <PersonCommendations documentId={documentId} awardType={award} locale={locale} />
      ),
  };
};
