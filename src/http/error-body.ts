/** Strapi's error answer, `{ data: null, error }`, for answers the app writes itself rather than strapi::errors. */
export const errorBody = (
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {}
) => ({ data: null, error: { status, name, message, details } });
