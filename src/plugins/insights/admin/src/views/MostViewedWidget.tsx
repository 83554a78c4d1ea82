import { Widget } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import { fetchTop, type RankedEntry } from './api';
import { MostViewedTable } from './MostViewedTable';

/** Homepage widget: the ten most viewed entries of the current week (portal time). */
const MostViewedWidget = () => {
  const [entries, setEntries] = useState<RankedEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    fetchTop({ period: 'week', limit: 10 }).then(setEntries, () => setFailed(true));
  }, []);
  if (failed) return <Widget.Error />;
  if (!entries) return <Widget.Loading />;
  return <MostViewedTable entries={entries} />;
};

export default MostViewedWidget;
