/** Types of scripts/postgres.js, for the tests that create their own databases. */
export const server: { host: string; port: number; user: string; password: string };
export function adminQuery(sql: string): Promise<void>;
export function appDatabaseEnv(database: string): Record<string, string>;
