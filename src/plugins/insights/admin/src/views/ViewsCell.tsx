import { Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';

import { fetchCounts } from './api';

/**
 * The list view renders one cell a row; cells asking in the same tick are answered by one request for the
 * whole page (documentId:locale → views).
 */
let pending: { keys: Set<string>; result: Promise<Record<string, number>> } | null = null;

const countFor = (documentId: string) => {
  if (!pending) {
    const keys = new Set<string>();
    const result = Promise.resolve().then(() => {
      pending = null;
      return fetchCounts([...keys]);
    });
    pending = { keys, result };
  }
  pending.keys.add(documentId);
  return pending.result;
};

export const ViewsCell = ({ documentId, locale }: { documentId: string; locale?: string }) => {
  const [views, setViews] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    countFor(documentId).then((counts) => {
      if (!live) return;
      const own = Object.entries(counts).filter(([key]) => key.startsWith(`${documentId}:`));
      const inLocale = own.find(([key]) => key === `${documentId}:${locale}`);
      setViews(inLocale ? inLocale[1] : locale ? 0 : own.reduce((sum, [, n]) => sum + n, 0));
    });
    return () => {
      live = false;
    };
  }, [documentId, locale]);
  return <Typography data-testid="insights-views-cell">{views === null ? '…' : views}</Typography>;
};
