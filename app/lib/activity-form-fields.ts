/** Fields of the activity form that are sent once per row or ticked box. */
export const ACTIVITY_LIST_FIELDS = ["contentLocales", "titles", "summaries", "descriptions", "spokenLanguages", "themes", "interests"];
