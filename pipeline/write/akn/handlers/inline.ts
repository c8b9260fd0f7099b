/**
 * Leaves and inline marks. Text is written exactly as in the tree: the marks
 * only wrap it, so the text content of the body equals the tree's leaves.
 *
 * - `text` → a text node; `num` → `<num>` as printed (`一、`).
 * - `date` → `<date date="YYYY-MM-DD">` (`<docDate>` on a preface date line);
 *   a value that is not a full calendar date stays plain text.
 * - `person`/`role`/`organization`/`location` → the element of that name with
 *   `refersTo="#eId"` of its TLC entry; in a signature `person/@as` is its role.
 * - `citation` with a target → `《<ref href="Work URI">title</ref>》`: the
 *   brackets always stay outside the `ref`. Without a target: plain text.
 */
import type {Citation, DateMark, EntityMark, Num, Text} from '../../../tree/types.js'
import {SIGNING_EVENT} from '../meta.js'
import type {Handler} from '../state.js'

export const text: Handler<Text> = (node, parent, state) => {
  if (node.value !== '') parent.appendChild(state.text(node.value))
}

export const num: Handler<Num> = (node, parent, state) => {
  const el = state.append(parent, 'num')
  if (node.value !== '') el.appendChild(state.text(node.value))
}

/** What separates the two ends of a printed range (`三月七日至十日`, `7–10 March`). */
const RANGE_SEPARATOR = /至|到|～|~|—|–|-|\bto\b/u

export const date: Handler<DateMark> = (node, parent, state) => {
  if (!isCalendarDate(node.iso)) {
    state.all(node.children, parent)
    return
  }
  const name = state.inside('dateLine') ? 'docDate' : 'date'
  // The signing date refers to the signing event (a TLCEvent of `references`).
  const signing = name === 'date' && state.inside('signing') && node.iso === state.tree.meta.dates.signed?.value
  if (signing) state.events.add(SIGNING_EVENT.eId)
  const attributes = [['date', node.iso], ['refersTo', signing ? '#' + SIGNING_EVENT.eId : undefined]] as const
  // A range tags its start and its end, each with its own date; the separator stays between them.
  const printed = node.children.map((child) => child.value).join('')
  const separator = node.isoEnd !== undefined && isCalendarDate(node.isoEnd) ? RANGE_SEPARATOR.exec(printed) : null
  if (separator && separator.index > 0 && separator.index + separator[0].length < printed.length) {
    const end = separator.index + separator[0].length
    state.append(parent, name, attributes).appendChild(state.text(printed.slice(0, separator.index)))
    parent.appendChild(state.text(separator[0]))
    state.append(parent, name, [['date', node.isoEnd!]]).appendChild(state.text(printed.slice(end)))
    return
  }
  const el = state.append(parent, name, attributes)
  state.all(node.children, el)
}

export const entity: Handler<EntityMark> = (node, parent, state) => {
  const eId = state.tlc.register(node)
  const as = node.type === 'person' && state.inside('signature') ? state.signatureRole : null
  const el = state.append(parent, node.type, [
    ['refersTo', '#' + eId],
    ['as', as === null ? undefined : '#' + as]
  ])
  state.all(node.children, el)
}

export const citation: Handler<Citation> = (node, parent, state) => {
  if (node.target === null || node.target === '') {
    state.all(node.children, parent)
    return
  }
  const values = node.children.map((child) => child.value)
  const last = values.length - 1
  const bracketed = last >= 0 && values[0]?.startsWith('《') === true && values[last]?.endsWith('》') === true && values.join('').length >= 2
  if (bracketed) {
    values[0] = (values[0] ?? '').slice(1)
    values[last] = (values[last] ?? '').slice(0, -1)
    parent.appendChild(state.text('《'))
  }
  const ref = state.append(parent, 'ref', [['href', node.target]])
  for (const value of values) if (value !== '') ref.appendChild(state.text(value))
  if (bracketed) parent.appendChild(state.text('》'))
}

/** `YYYY-MM-DD` naming a real day (what `xsd:date` accepts, without a time zone). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year === 0 || month < 1 || month > 12 || day < 1) return false
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() // month length in a leap year
  if (day > days) return false
  return !(month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)))
}
