import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import { useSettings } from '../settings';
import { fetchStates, markCurrent, type ChangedField, type LocaleState } from './api';

const BADGE: Record<LocaleState['state'], { background: string; color: string }> = {
  missing: { background: 'danger100', color: 'danger700' },
  outdated: { background: 'warning100', color: 'warning700' },
  current: { background: 'success100', color: 'success700' },
};

export const StateBadge = ({ state }: { state: LocaleState['state'] }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge backgroundColor={BADGE[state].background} textColor={BADGE[state].color}>
      {formatMessage({ id: `insights.translations.state.${state}`, defaultMessage: state })}
    </Badge>
  );
};

/** The source's text units that changed: paragraph by paragraph, then and now. */
const FieldChange = ({ change }: { change: ChangedField }) => {
  const { formatMessage } = useIntl();
  const count = Math.max(change.before.length, change.after.length);
  const changed = Array.from({ length: count }, (_, index) => index).filter(
    (index) => change.before[index] !== change.after[index]
  );
  return (
    <Box data-testid="translation-change" data-field={change.field}>
      <Typography variant="sigma">{change.field}</Typography>
      {changed.map((index) => (
        <Box key={index} paddingTop={1}>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {formatMessage({ id: 'insights.translations.before', defaultMessage: 'Before' })}:{' '}
            <del>{change.before[index] ?? '—'}</del>
          </Typography>
          <Typography variant="pi" tag="p">
            {formatMessage({ id: 'insights.translations.after', defaultMessage: 'Now' })}:{' '}
            <ins>{change.after[index] ?? '—'}</ins>
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

const LocaleStateView = ({
  state,
  onMarkCurrent,
}: {
  state: LocaleState;
  onMarkCurrent: () => void;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      data-testid="translation-state"
      data-locale={state.locale}
      data-state={state.state}
    >
      <Flex gap={2}>
        <Typography fontWeight="bold">{state.locale}</Typography>
        <StateBadge state={state.state} />
      </Flex>
      {state.missingFields.length > 0 && (
        <Typography variant="pi">
          {formatMessage(
            {
              id: 'insights.translations.missingFields',
              defaultMessage: 'Not translated: {fields}',
            },
            { fields: state.missingFields.join(', ') }
          )}
        </Typography>
      )}
      {state.changedFields.map((change) => (
        <FieldChange key={change.field} change={change} />
      ))}
      {state.state === 'outdated' && (
        <Button variant="secondary" size="S" onClick={onMarkCurrent}>
          {formatMessage({
            id: 'insights.translations.markCurrent',
            defaultMessage: 'Translation is still right',
          })}
        </Button>
      )}
    </Flex>
  );
};

const DocumentTranslations = ({ type, documentId }: { type: string; documentId: string }) => {
  const [states, setStates] = useState<LocaleState[]>([]);
  const load = useCallback(
    () => fetchStates(type, documentId).then((loaded) => setStates(loaded.locales)),
    [type, documentId]
  );
  useEffect(() => {
    load().catch(() => setStates([]));
  }, [load]);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {states.map((state) => (
        <LocaleStateView
          key={state.locale}
          state={state}
          onMarkCurrent={() =>
            markCurrent(type, documentId, state.locale).then((loaded) => setStates(loaded.locales))
          }
        />
      ))}
    </Flex>
  );
};

/**
 * Edit view side panel: the document's translation state in each locale (missing, outdated, current), the source
 * fields changed since each translation was saved with the changed paragraphs before and after, and "still right".
 * Re-read after every save of the entry (the panel is re-rendered with a new `document`).
 */
export const TranslationPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const settings = useSettings();
  if (!settings || !documentId) return null;
  const type = Object.entries(settings.translationTypes).find(([, uid]) => uid === model)?.[0];
  if (!type) return null;
  return {
    title: formatMessage({ id: 'insights.translations.panel', defaultMessage: 'Translations' }),
    content: (
      <DocumentTranslations
        key={String(document?.updatedAt ?? '')}
        type={type}
        documentId={documentId}
      />
    ),
  };
};
