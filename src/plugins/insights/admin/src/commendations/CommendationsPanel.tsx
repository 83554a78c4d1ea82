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
  form: string;
  year: number | null;
  revoked: boolean;
  direction: 'issued' | 'received';
  issuer: { documentId: string; name: string } | null;
  /** A unit's record: the recipients counted in it (all of them when the record's units issued it). */
  recipients?: { collectives: number; individuals: number };
  members?: { fullName: string; position: string; unit: string }[];
  /** Which of the record's units received it as collectives; `count` when given only as a number. */
  receivingUnits?: { name: string; count: number | null }[];
  /** A person's record: every position held on the award's dates. */
  positions?: { title: string }[];
};

/**
 * One line under the title: form, year, counts, and, with sub-units included, which unit issued it and which of
 * the record's units and people received it (the unit of the page is not always the one concerned).
 */
const useDetails = (withUnits: boolean) => {
  const { formatMessage } = useIntl();
  return (entry: Commendation) =>
    [
      formatMessage({ id: `${PLUGIN_ID}.form.${entry.form}`, defaultMessage: entry.form }),
      entry.year,
      entry.recipients
        ? formatMessage(
            {
              id: `${PLUGIN_ID}.panel.counts`,
              defaultMessage: '{collectives} collectives, {individuals} individuals',
            },
            entry.recipients
          )
        : null,
      withUnits && entry.issuer
        ? formatMessage(
            { id: `${PLUGIN_ID}.panel.issuer`, defaultMessage: 'issued by {unit}' },
            { unit: entry.issuer.name }
          )
        : null,
      ...(withUnits ? (entry.receivingUnits ?? []) : []).map((unit) =>
        unit.count === null
          ? formatMessage(
              { id: `${PLUGIN_ID}.panel.receivingUnit`, defaultMessage: 'collective: {unit}' },
              { unit: unit.name }
            )
          : formatMessage(
              {
                id: `${PLUGIN_ID}.panel.receivingUnitCount`,
                defaultMessage: '{count} collectives under {unit}',
              },
              { unit: unit.name, count: unit.count }
            )
      ),
      ...(withUnits ? (entry.members ?? []) : []).map(
        (member) => `${member.fullName} (${member.position}, ${member.unit})`
      ),
      ...(entry.positions ?? []).map((position) => position.title),
      entry.revoked
        ? formatMessage({ id: `${PLUGIN_ID}.panel.revoked`, defaultMessage: 'revoked' })
        : null,
    ]
      .filter((part) => part !== null && part !== '')
      .join(' · ');
};

const awardLink = (awardType: string, documentId: string) =>
  `/content-manager/collection-types/${awardType}/${documentId}`;

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
        withUnits={withSubUnits}
      />
      <Typography variant="sigma">{t('insights.panel.issued', 'Issued')}</Typography>
      <CommendationList
        entries={issued}
        empty={t('insights.panel.none', 'None')}
        awardType={awardType}
        withUnits={withSubUnits}
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
