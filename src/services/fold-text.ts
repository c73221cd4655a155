/**
 * Folds text for matching: lower case, accents stripped, punctuation to spaces, spaces collapsed.
 * Done in JavaScript at write and query time so both databases match the same way.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
