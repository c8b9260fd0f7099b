/**
 * Where documents start. A title is a short line that ends with a family word
 * (联合声明, 议定书, …) and has no sentence punctuation and no full date. Scraped
 * pages glue a title to the end of the previous document (`…（签字）中华人民共和国…
 * 联合声明`, `…于北京中华人民共和国…`): before a page break the title is the
 * shortest tail of the block that follows a document ending.
 */
import {docTypeOfTitle} from '../rules/doc-types.js'
import {matchNumber} from '../rules/numbering.js'
import {matchPlaceAt} from '../rules/places.js'
import {findDates} from '../recognize/dates.js'

const MAX_TITLE = 160
const MAX_ENGLISH_TITLE = 320

/** Is `text` (a whole block) shaped like a title? */
export function isTitle(text: string): boolean {
  const english = !/[\u4e00-\u9fff]/.test(text)
  if (text.length < 4 || text.length > (english ? MAX_ENGLISH_TITLE : MAX_TITLE)) return false
  if (english ? /[.;:]$/.test(text) : /[。，；！？：:;]/.test(text)) return false
  if (!/^[\p{L}]/u.test(text)) return false
  if (matchNumber(text)) return false
  if (findDates(text).length > 0) return false
  return docTypeOfTitle(text) !== null
}

/**
 * Where the title starts in a block that a page break follows, or null. The
 * part before it must end a document: a sentence end, a signature mark, or a
 * signing date and place (`二00五年三月十七日于北京`).
 */
export function titleStart(text: string): number | null {
  const from = Math.max(0, text.length - MAX_TITLE)
  for (let start = from; start < text.length; start++) {
    if (start > 0 && !endsDocument(text, start)) continue
    if (isTitle(text.slice(start))) return start
  }
  return null
}

/** Does `text.slice(0, end)` end like a document does? */
function endsDocument(text: string, end: number): boolean {
  const before = text.slice(Math.max(0, end - 40), end)
  if (/[。！？）)」』”]$/.test(before)) return true
  // `…日于北京`: a signing place right after a date.
  const link = /[日号號][ \t\u3000]*(?:于|於|在)[ \t\u3000]*([\u4e00-\u9fff]{2,8})$/.exec(before)
  if (link) {
    const place = link[1]!
    const known = matchPlaceAt(place, 0)
    return known ? known.name === place || place === known.name + '市' : place.length <= 4
  }
  return false
}
