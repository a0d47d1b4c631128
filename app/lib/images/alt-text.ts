/** The cover form's alternative-text fields, one per content language (decision 043); shared by the form and the server. */
export const MAX_ALT_LENGTH = 250;
export const altField = (locale: string) => `alt_${locale}`;
