import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/**
 * The article list must show title, unit, Đăng lúc, status and views within 1440 px. Strapi prints a datetime
 * as a full sentence ("Thứ Sáu, 19 tháng 1, 2024 lúc 08:00") and lets a long title take half the table; here
 * Đăng lúc reads as the portals write it (dd/mm/yyyy HH:mm, Vietnam time) and a title is cut with an ellipsis.
 * The i18n plugin's "Có ở" column (the locales of each article) is left out there: it pushes the views column
 * off a 1440 px screen, and translators follow the other locales on the Translations page instead. In every list,
 * an enumeration reads as its label (Bằng khen, not certificate_of_merit), as in the edit view.
 */
type Row = Record<string, unknown>;
type Header = { name: string; attribute?: { type: string }; cellFormatter?: (row: Row) => unknown };

const PORTAL_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const portalDateTime = (value: unknown) =>
  typeof value === 'string' && value !== ''
    ? PORTAL_TIME.format(new Date(value)).replace(',', '')
    : '';

const ARTICLE_LIST = /collection-types\/api::article\.article\/?$/;

/** The name the i18n plugin gives its available-locales column. */
const LOCALES_COLUMN = 'locales';

const compact = (header: Header): Header => {
  if (header.name === 'publishedDate')
    return {
      ...header,
      cellFormatter: (row) => <Typography>{portalDateTime(row.publishedDate)}</Typography>,
    };
  if (header.name === 'title')
    return {
      ...header,
      cellFormatter: (row) => (
        <Typography
          ellipsis
          title={String(row.title ?? '')}
          style={{ display: 'block', maxWidth: '22rem' }}
        >
          {String(row.title ?? '')}
        </Typography>
      ),
    };
  return header;
};

/**
 * An enumeration's value under the label the edit view's select shows for it (the same translation, keyed by the
 * value: "certificate_of_merit" reads "Bằng khen"), where Strapi's list prints the stored code.
 */
const EnumerationValue = ({ value }: { value: unknown }) => {
  const { formatMessage } = useIntl();
  const code = typeof value === 'string' ? value : '';
  return (
    <Typography textColor="neutral800">
      {code === '' ? '-' : formatMessage({ id: code, defaultMessage: code })}
    </Typography>
  );
};

const labelledEnumeration = (header: Header): Header =>
  header.attribute?.type === 'enumeration' && header.cellFormatter === undefined
    ? { ...header, cellFormatter: (row) => <EnumerationValue value={row[header.name]} /> }
    : header;

/** Every list view: enumerations by their labels; the article list, compact as described above. */
export const editorListColumns = <L,>({
  displayedHeaders,
  layout,
}: {
  displayedHeaders: Header[];
  layout: L;
}) => ({
  displayedHeaders: (ARTICLE_LIST.test(decodeURIComponent(window.location.pathname))
    ? displayedHeaders.filter((header) => header.name !== LOCALES_COLUMN).map(compact)
    : displayedHeaders
  ).map(labelledEnumeration),
  layout,
});
