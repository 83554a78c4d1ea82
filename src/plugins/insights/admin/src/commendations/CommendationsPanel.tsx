import { Box, Checkbox, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { getFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';

import { useSettings } from '../settings';

type Commendation = {
  documentId: string;
  title: string;
  form: string;
  year: number | null;
  revoked: boolean;
  collectiveCount: number;
  individualCount: number;
  issuer: { documentId: string; name: string } | null;
  relations?: string[];
  members?: { fullName: string; position: string; unit: string }[];
  position?: string | null;
};

/**
 * One line under the title: form, year, counts, and, when sub-units are included, which unit issued it or which
 * of its people received it (the unit of the page is not always the one concerned).
 */
const useDetails = (withUnits: boolean) => {
  const { formatMessage } = useIntl();
  return (entry: Commendation) =>
    [
      formatMessage({ id: entry.form, defaultMessage: entry.form }),
      entry.year,
      formatMessage(
        {
          id: 'insights.panel.counts',
          defaultMessage: '{collectives} collectives, {individuals} individuals',
        },
        { collectives: entry.collectiveCount, individuals: entry.individualCount }
      ),
      withUnits && entry.issuer
        ? formatMessage(
            { id: 'insights.panel.issuer', defaultMessage: 'issued by {unit}' },
            { unit: entry.issuer.name }
          )
        : null,
      ...(withUnits ? (entry.members ?? []) : []).map(
        (member) => `${member.fullName} (${member.position}, ${member.unit})`
      ),
      entry.position,
      entry.revoked
        ? formatMessage({ id: 'insights.panel.revoked', defaultMessage: 'revoked' })
        : null,
    ]
      .filter((part) => part !== null && part !== undefined && part !== '')
      .join(' · ');
};

const awardLink = (awardType: string, documentId: string) =>
  `/content-manager/collection-types/${awardType}/${documentId}`;

/** The edit view's locale, so titles and names come in the language being edited. */
const localeParam = (locale: string) => (locale ? `&locale=${encodeURIComponent(locale)}` : '');

const CommendationList = ({
  entries,
  empty,
  awardType,
  withUnits = false,
}: {
  entries: Commendation[];
  empty: string;
  awardType: string;
  withUnits?: boolean;
}) => {
  const details = useDetails(withUnits);
  return entries.length === 0 ? (
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
          <Typography variant="pi" textColor="neutral600" tag="p">
            {details(entry)}
          </Typography>
        </li>
      ))}
    </Flex>
  );
};

const UnitCommendations = ({
  documentId,
  awardType,
  locale,
}: {
  documentId: string;
  awardType: string;
  locale: string;
}) => {
  const { formatMessage } = useIntl();
  const [withSubUnits, setWithSubUnits] = useState(false);
  const [entries, setEntries] = useState<Commendation[]>([]);
  useEffect(() => {
    const include = withSubUnits ? '&include=descendants' : '';
    getFetchClient()
      .get<{ data: Commendation[] }>(
        `/insights/units/${documentId}/commendations?status=all${include}${localeParam(locale)}`
      )
      .then(({ data }) => setEntries(data.data));
  }, [documentId, withSubUnits, locale]);
  const received = entries.filter((entry) =>
    entry.relations?.some((relation) => relation !== 'issued')
  );
  const issued = entries.filter((entry) => entry.relations?.includes('issued'));
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
        withUnits={withSubUnits}
      />
      <Typography variant="sigma">{t('insights.panel.issued', 'Issued')}</Typography>
      <CommendationList
        entries={issued}
        empty={t('insights.panel.none', 'None')}
        awardType={awardType}
        withUnits={withSubUnits}
      />
    </Flex>
  );
};

const PersonCommendations = ({
  documentId,
  awardType,
  locale,
}: {
  documentId: string;
  awardType: string;
  locale: string;
}) => {
  const { formatMessage } = useIntl();
  const [entries, setEntries] = useState<Commendation[]>([]);
  useEffect(() => {
    getFetchClient()
      .get<{ data: Commendation[] }>(
        `/insights/officials/${documentId}/commendations?status=all${localeParam(locale)}`
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
