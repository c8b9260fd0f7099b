/**
 * The page model: the states a block of a scraped page can be in, the order
 * they may follow each other in (the grammar), and how much each feature of a
 * block (`segment/features.ts`) speaks for each state. `segment/decode.ts`
 * finds the best-scoring sequence of states for the whole page (Viterbi), so
 * a decision that depends on what comes later — is this short line a title, a
 * header, or a signatory's role? — is taken with the whole page in view.
 *
 *   page     := pre* (document post*)+
 *   document := title head* (text | noise)* sign*   — a part may follow: sign text …
 *             | text (text | noise)* sign*          — untitled, at a cost
 *
 * Scores are log-odds set by hand: + speaks for the state, − against. Every row
 * says why. To teach the model a new kind of page, add a feature (with its
 * pattern in a rule table) and a row here; the algorithm does not change.
 */

export type State = 'pre' | 'title' | 'head' | 'text' | 'noise' | 'sign' | 'post'

export const states: readonly State[] = ['pre', 'title', 'head', 'text', 'noise', 'sign', 'post']

export interface EmissionRow {
  state: State
  /** A feature name from `segment/features.ts`, or `bias` for the state's prior. */
  feature: string
  weight: number
  why: string
}

export const emissions: readonly EmissionRow[] = [
  // ---- title
  {state: 'title', feature: 'bias', weight: -6, why: 'Most blocks are not titles: a title needs its shape.'},
  {state: 'title', feature: 'title', weight: 12, why: 'Ends with a family word, no sentence punctuation, no date of its own.'},
  {state: 'title', feature: 'repeat', weight: -8, why: 'The same title again with only page matter between: a page heading and a body heading of one document.'},
  {state: 'title', feature: 'prose', weight: -6, why: 'A title is not a sentence.'},
  {state: 'title', feature: 'numbered', weight: -6, why: 'A numbered block is an article or point.'},
  {state: 'title', feature: 'lead', weight: -8, why: 'A news lead quotes the title; it is not one.'},
  {state: 'title', feature: 'pageMatter', weight: -3, why: 'CMS fields and site labels are not titles.'},
  // ---- head: what sits between a title and the text
  {state: 'head', feature: 'bias', weight: -1, why: 'Headers are few.'},
  {state: 'head', feature: 'fragment', weight: 1, why: 'A short value split from its field (`【效力属性】 有效`).'},
  {state: 'head', feature: 'dateOnly', weight: 4, why: 'A date line under the title (dateline or stamp).'},
  {state: 'head', feature: 'annotation', weight: 5, why: '`（1997年11月10日订于北京）`, `（签订日期…）`, `(1996年3月1日通过)` under the title.'},
  {state: 'head', feature: 'signingLine', weight: 2, why: '`1992年1月20日于北京市` under the title is a dateline.'},
  {state: 'head', feature: 'repeat', weight: 6, why: 'A repeated or shortened title under the first.'},
  {state: 'head', feature: 'title', weight: 3, why: 'The title repeated (page heading, then body heading).'},
  {state: 'head', feature: 'pageMatter', weight: 4.5, why: 'CMS fields, site chrome and tags between the title and the text.'},
  {state: 'head', feature: 'tagLine', weight: 1.5, why: 'A row of tags under a headline.'},
  {state: 'head', feature: 'lead', weight: 4, why: 'An editor\'s note under the title announcing the text.'},
  {state: 'head', feature: 'quoted', weight: 14, why: 'A summary under the title quoting the text.'},
  {state: 'head', feature: 'prose', weight: -6, why: 'Prose under the title is the preamble.'},
  {state: 'head', feature: 'numbered', weight: -5, why: 'A numbered block is an article.'},
  {state: 'head', feature: 'opening', weight: -4, why: '`应…邀请`, `根据…` open a preamble.'},
  {state: 'head', feature: 'partLabel', weight: -4, why: 'A part label opens the first note.'},
  {state: 'head', feature: 'latinInHan', weight: -2, why: 'Interleaved translations belong to the text.'},
  // ---- text: preamble, formula, articles, closing clauses
  {state: 'text', feature: 'prose', weight: 3, why: 'Sentences are the document\'s text.'},
  {state: 'text', feature: 'numbered', weight: 3, why: 'Articles and points.'},
  {state: 'text', feature: 'formula', weight: 3, why: '`双方声明如下：` ends a preamble.'},
  {state: 'text', feature: 'closing', weight: 2, why: '`本协定于…签订` closes the text.'},
  {state: 'text', feature: 'opening', weight: 2, why: '`应…邀请` opens a preamble.'},
  {state: 'text', feature: 'sentenceEnd', weight: 1, why: 'A finished sentence.'},
  {state: 'text', feature: 'partLabel', weight: 2, why: '`去文` / `（二）巴方来文` label a part of an exchange of notes.'},
  {state: 'text', feature: 'short', weight: -0.5, why: 'Short lines are more often furniture or cells.'},
  {state: 'text', feature: 'pageMatter', weight: -4, why: 'CMS fields, site chrome.'},
  {state: 'text', feature: 'lead', weight: -8, why: 'A lead announces the text; it is not part of it.'},
  {state: 'text', feature: 'title', weight: -2, why: 'A title-shaped block inside the text is rare (a heading, at most).'},
  {state: 'text', feature: 'mark', weight: -3, why: '`（签字）` is a signature cell.'},
  {state: 'text', feature: 'quoted', weight: -12, why: 'A paragraph printed again later is quoted here (a summary, a lead); the later copy is the text.'},
  {state: 'text', feature: 'commentary', weight: -5, why: 'News reporting around a quoted document is not the document.'},
  {state: 'text', feature: 'address', weight: 2, why: 'Salutations and `此照` belong to a note\'s text.'},
  {state: 'text', feature: 'latinInHan', weight: -1, why: 'English inside Chinese prose is an interleaved translation.'},
  // ---- noise: page matter inside a document
  {state: 'noise', feature: 'bias', weight: -4, why: 'A document is rarely interrupted.'},
  {state: 'noise', feature: 'related', weight: -12, why: 'A related-links heading ends the document: what follows is the page\'s.'},
  {state: 'noise', feature: 'pageMatter', weight: 6, why: 'Chrome and section labels of the page.'},
  {state: 'noise', feature: 'quoted', weight: 14, why: 'A summary quoting the text.'},
  {state: 'noise', feature: 'prose', weight: -6, why: 'Prose inside a document is its text.'},
  {state: 'noise', feature: 'numbered', weight: -6, why: 'Articles are text.'},
  {state: 'noise', feature: 'lead', weight: -8, why: 'Leads come before the text.'},
  // ---- sign: signature cells, marks, the signing line
  {state: 'sign', feature: 'bias', weight: -1, why: 'Signature blocks are short.'},
  {state: 'sign', feature: 'cell', weight: 2, why: 'A short cell: party, role or name.'},
  {state: 'sign', feature: 'mark', weight: 4, why: '`（签字）` / `（印）`.'},
  {state: 'sign', feature: 'signingLine', weight: 3, why: 'Date and place under the signatures.'},
  {state: 'sign', feature: 'prose', weight: -6, why: 'Signatures are not sentences.'},
  {state: 'sign', feature: 'numbered', weight: -5, why: 'Articles are text.'},
  {state: 'sign', feature: 'pageMatter', weight: -3, why: 'Chrome after the signatures is page matter.'},
  {state: 'sign', feature: 'partLabel', weight: -3, why: 'A part label opens the next note.'},
  {state: 'sign', feature: 'title', weight: -2, why: 'A title after signatures opens the next document.'},
  {state: 'sign', feature: 'opening', weight: -4, why: 'A preamble opening is text.'},
  {state: 'sign', feature: 'closing', weight: -3, why: 'A closing clause is text.'},
  {state: 'sign', feature: 'lead', weight: -8, why: 'Leads are page matter.'},
  {state: 'sign', feature: 'address', weight: -5, why: 'An addressee (`…部长同志`) or `此照` is not a signatory.'},
  {state: 'sign', feature: 'commentary', weight: -5, why: 'Reporting is not a signature.'},
  // ---- pre / post: page matter outside documents
  {state: 'pre', feature: 'bias', weight: -0.5, why: 'Pages usually open with some chrome.'},
  {state: 'pre', feature: 'pageMatter', weight: 4, why: 'Navigation, CMS fields, forum profiles.'},
  {state: 'pre', feature: 'lead', weight: 6, why: 'A news lead announcing the document.'},
  {state: 'pre', feature: 'tagLine', weight: 1, why: 'Tags.'},
  {state: 'pre', feature: 'short', weight: 0.5, why: 'Short lines before a document are mostly furniture.'},
  {state: 'pre', feature: 'quoted', weight: 12, why: 'A lead quoting the text.'},
  {state: 'pre', feature: 'commentary', weight: 3, why: 'Reporting before a quoted document.'},
  {state: 'pre', feature: 'prose', weight: -2, why: 'Prose before a title may be a lead, but is more often text.'},
  {state: 'pre', feature: 'numbered', weight: -3, why: 'Articles are text.'},
  {state: 'pre', feature: 'title', weight: -3, why: 'A title-shaped line is usually the title (a headline copy costs less than losing it).'},
  {state: 'pre', feature: 'formula', weight: -5, why: 'A formula is text.'},
  {state: 'pre', feature: 'opening', weight: -3, why: 'A preamble opening is text.'},
  {state: 'post', feature: 'bias', weight: -1, why: 'What follows a document is mostly chrome.'},
  {state: 'post', feature: 'related', weight: 6, why: 'A related-links heading, references, next/previous links.'},
  {state: 'post', feature: 'pageMatter', weight: 4, why: 'Related links, footers, licences.'},
  {state: 'post', feature: 'lead', weight: 3, why: 'A lead announcing the next document.'},
  {state: 'post', feature: 'short', weight: 0.5, why: 'Short lines after a document are furniture.'},
  {state: 'post', feature: 'commentary', weight: 5, why: 'Reporting after a quoted document.'},
  {state: 'post', feature: 'prose', weight: -2, why: 'Prose after the signatures is commentary or the next document.'},
  {state: 'post', feature: 'numbered', weight: -4, why: 'Articles are text.'},
  {state: 'post', feature: 'title', weight: -3, why: 'A title opens the next document.'}
]

export interface TransitionRow {
  from: State | 'start'
  to: State | 'end'
  weight: number
  why: string
}

export const transitions: readonly TransitionRow[] = [
  {from: 'start', to: 'pre', weight: 0, why: 'Chrome first.'},
  {from: 'start', to: 'title', weight: 0, why: 'The title first.'},
  {from: 'start', to: 'text', weight: -4, why: 'An untitled document (forum post, cut page).'},
  {from: 'pre', to: 'pre', weight: 0, why: ''},
  {from: 'pre', to: 'title', weight: 0, why: ''},
  {from: 'pre', to: 'text', weight: -5, why: 'An untitled document after chrome.'},
  {from: 'title', to: 'head', weight: 0, why: ''},
  {from: 'title', to: 'text', weight: 0, why: ''},
  {from: 'title', to: 'end', weight: -3, why: 'A title with nothing after it is a cut page.'},
  {from: 'head', to: 'head', weight: 0, why: ''},
  {from: 'head', to: 'text', weight: 0, why: ''},
  {from: 'head', to: 'end', weight: -3, why: ''},
  {from: 'text', to: 'text', weight: 0, why: ''},
  {from: 'text', to: 'noise', weight: 0, why: ''},
  {from: 'text', to: 'sign', weight: 0, why: ''},
  {from: 'text', to: 'title', weight: -2, why: 'A new document without signatures before it.'},
  {from: 'text', to: 'post', weight: -3, why: 'A document ends without signatures, chrome follows.'},
  {from: 'text', to: 'end', weight: 0, why: ''},
  {from: 'noise', to: 'noise', weight: 0, why: ''},
  {from: 'noise', to: 'text', weight: 0, why: ''},
  {from: 'noise', to: 'sign', weight: -2, why: 'Signatures rarely follow page matter inside a document.'},
  {from: 'noise', to: 'title', weight: -1, why: ''},
  {from: 'noise', to: 'post', weight: 0, why: ''},
  {from: 'noise', to: 'end', weight: 0, why: ''},
  {from: 'sign', to: 'sign', weight: 0, why: ''},
  {from: 'sign', to: 'post', weight: 0, why: 'The document ends at its last closing element.'},
  {from: 'sign', to: 'title', weight: 0, why: 'The next document.'},
  {from: 'sign', to: 'text', weight: -3, why: 'The next part of an exchange of notes, or a false start of the signatures.'},
  {from: 'sign', to: 'noise', weight: -1, why: ''},
  {from: 'sign', to: 'end', weight: 0, why: ''},
  {from: 'post', to: 'post', weight: 0, why: ''},
  {from: 'post', to: 'title', weight: 0, why: ''},
  {from: 'post', to: 'text', weight: -5, why: 'A new untitled document after page matter.'},
  {from: 'post', to: 'end', weight: 0, why: ''},
  {from: 'pre', to: 'end', weight: 0, why: 'A page with no document at all (the caller degrades to one untitled document).'}
]
