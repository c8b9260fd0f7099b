/**
 * English words that join the parts of a phrase and can neither end a title, a
 * party line nor a heading (`…NORTHERN IRELAND AND`, `FOR THE GOVERNMENT OF
 * THE`), nor, after a title, start the text that follows it (`… OF THE`). Add
 * a word here to teach every English rule at once.
 */
const FUNCTION_WORDS = ['of', 'on', 'in', 'to', 'for', 'and', 'or', 'the', 'a', 'an', 'between', 'with', 'by', 'at', 'concerning', 'regarding', 'relating', 'relating to', 'on behalf of']

/** Words that link, not open: a line that starts with one goes on from the line before. */
const LINKING_WORDS = ['of', 'and', 'between', 'on', 'for', 'to', 'with', 'concerning', 'regarding', 'relating']

const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|')

/** Text that ends on a function word (any case): a line or a cell cut inside its phrase. */
export const endsOnFunctionWord = new RegExp(`(?:^|\\s)(?:${alternation(FUNCTION_WORDS)})$`, 'i')

/** Text (after a cut) that starts with a linking word, in lower case, capitals or capitalised. */
export const startsWithLinkingWord = new RegExp(`^[\\s\\u3000\\u00a0]+(?:${alternation(LINKING_WORDS)})\\b`, 'i')
