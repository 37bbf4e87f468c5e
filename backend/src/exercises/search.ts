// How exercise names are searched. Pure.

const MAX_TERMS = 6;

/** The form names are matched and sorted by: lower case, accents and punctuation removed. */
export function toSearchName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a query, each to be found somewhere in the name ("db press" is two words). */
export function searchTerms(query: string): string[] {
  return [...new Set(toSearchName(query).split(' ').filter(Boolean))].slice(0, MAX_TERMS);
}

/** A regular expression source matching `term` literally. */
export function escapeRegExp(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
