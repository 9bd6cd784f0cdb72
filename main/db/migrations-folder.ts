import { fileURLToPath } from 'node:url';

/**
 * Where the drizzle-kit migrations are at run time: beside this file in the source tree, and copied beside
 * the bundle (out/main/migrations) by the build, so the same expression works in both.
 */
export const defaultMigrationsFolder = (): string => fileURLToPath(new URL('./migrations', import.meta.url));
