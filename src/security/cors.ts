/**
 * Origins allowed to call the API from a browser with credentials. CORS_ORIGINS lists them (comma-separated);
 * when it is blank, only the origin of PUBLIC_URL is allowed (none when that is blank too: the admin panel is
 * served by Strapi itself, same-origin, and needs no CORS). Never a wildcard: Strapi would reflect any Origin
 * with credentials.
 */
export const corsOrigins = (
  configured: readonly string[] | undefined,
  publicUrl: string | undefined
): string[] => {
  const listed = (configured ?? [])
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const candidates = listed.length > 0 ? listed : [publicUrl ?? ''];
  return [
    ...new Set(candidates.map(originOf).filter((origin): origin is string => origin !== null)),
  ];
};

/** `https://portal.example.vn/path/` → `https://portal.example.vn`; '*' and anything not an http(s) URL → null. */
const originOf = (value: string): string | null => {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};
