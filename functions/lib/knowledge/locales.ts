/** The languages of the assistant. Kept free of zod so the ask function's bundle stays small. */
export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
