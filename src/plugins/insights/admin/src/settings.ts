import { getFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

/** GET /insights/settings: what the server knows and the panel must not hard-code (types, forms, portal clock). */
export type Settings = {
  utcOffsetMinutes: number;
  rankPeriods: string[];
  trackableTypes: Record<string, string>;
  /** Type name (`article`) → content type, for the types whose translations are followed. */
  translationTypes: Record<string, string>;
  commendations: {
    award: string;
    unit: string;
    person: string;
    unitName: string;
    issuerWarning: string;
    forms: string[];
  };
};

let loading: Promise<Settings> | null = null;

/** Asked once per session (again after a failure, e.g. before login). */
const fetchSettings = () => {
  loading ??= getFetchClient()
    .get<{ data: Settings }>('/insights/settings')
    .then(({ data }) => data.data)
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
};

/** The server's settings, null until they arrive. */
export const useSettings = () => {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    fetchSettings().then(
      (loaded) => live && setSettings(loaded),
      () => undefined
    );
    return () => {
      live = false;
    };
  }, []);
  return settings;
};

/** Today in portal time, as the server counts days (its utcOffsetMinutes). */
export const portalNow = (settings: Settings) =>
  new Date(Date.now() + settings.utcOffsetMinutes * 60_000);
