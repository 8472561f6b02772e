/** The two languages a user can read samkost in: bokmål (the default) and English. */
export type Locale = 'nb' | 'en';
export const LOCALES: readonly Locale[] = ['nb', 'en'];

/**
 * Something said to the user, in both languages at once. Messages are
 * written where they arise, each with its Norwegian and English wording side
 * by side, so no message can lack either; the renderer picks one by
 * `--locale`. Plain data, so it crosses into worker threads as it is.
 */
export interface Said {
  readonly nb: string;
  readonly en: string;
}

export function said(nb: string, en: string): Said {
  return { nb, en };
}

/** The same text in both languages: a name, a number, a quoted value. */
export function verbatim(text: string): Said {
  return { nb: text, en: text };
}
