import { Alert } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { useSettings } from '../settings';

/**
 * The award-issuer rule's warning (an issuer whose level or kind does not normally give the award's form), shown
 * as an alert beside the award's fields. The field itself belongs to the server and is not in the edit form.
 */
export const IssuerWarningPanel: PanelComponent = ({ model, document }) => {
  const { formatMessage } = useIntl();
  const settings = useSettings();
  if (!settings || model !== settings.commendations.award) return null;
  const warning = document?.[settings.commendations.issuerWarning];
  if (typeof warning !== 'string' || warning === '') return null;
  return {
    title: formatMessage({
      id: 'insights.issuerWarning.title',
      defaultMessage: 'Check the issuer',
    }),
    content: (
      <Alert
        variant="warning"
        closeLabel={formatMessage({ id: 'insights.issuerWarning.close', defaultMessage: 'Close' })}
        title={formatMessage({
          id: 'insights.issuerWarning.heading',
          defaultMessage: 'Unusual issuer for this form',
        })}
        data-testid="insights-issuer-warning"
      >
        {warning}
      </Alert>
    ),
  };
};
