/** Languages, locales and UI strings. */
export * from './locales';
export * from './strings';
