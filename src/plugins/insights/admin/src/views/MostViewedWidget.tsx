import { Widget } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import { useSettings } from '../settings';
import { fetchTop, type RankedEntry } from './api';
import { MostViewedTable } from './MostViewedTable';

/** Homepage widget: the ten most viewed entries of the current week (portal time), each a link to its entry. */
const MostViewedWidget = () => {
  const settings = useSettings();
  const [entries, setEntries] = useState<RankedEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchTop({ period: 'week', limit: 10 }).then(setEntries, () => setFailed(true));
  }, []);
  if (failed) return <Widget.Error />;
  if (!entries) return <Widget.Loading />;
  // Without a type, the server ranks the first trackable type.
  const uid = settings ? Object.values(settings.trackableTypes)[0] : undefined;
  return (
    <MostViewedTable
      entries={entries}
      linkTo={
        uid ? (entry) => `/content-manager/collection-types/${uid}/${entry.documentId}` : undefined
      }
    />
  );
};

export default MostViewedWidget;
