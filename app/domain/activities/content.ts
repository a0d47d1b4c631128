/** Chooses the description to show: the reader's language, else the organiser's, else any. */
export function pickContent<T extends { locale: string }>(contents: T[], readerLocale: string, defaultLocale: string) {
  const content = contents.find((c) => c.locale === readerLocale) ?? contents.find((c) => c.locale === defaultLocale) ?? contents[0];
  return content ? { ...content, translated: content.locale === readerLocale } : null;
}
