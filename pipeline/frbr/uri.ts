/**
 * FRBR URIs of Akoma Ntoso (Naming Convention §4.5–4.6) as a structure, built
 * and parsed in one place, after cobalt's `FrbrUri`:
 *
 *   /akn/{country}[-{locality}]/{doctype}[/{subtype}][/{actor}]/{date}/{number}
 *       [/{language}@[{expressionDate}]][/!{component}][~{portion}][.{format}]
 *
 * `link` builds each document's Work URI with `buildFrbrUri`; the writers read
 * it back with `parseFrbrUri`, so country, subtype, date and number in the AKN
 * metadata can never disagree with the URI. The parser accepts exactly what
 * cobalt's `FRBR_URI_RE` accepts, plus the rule this project adds: the date is
 * a full `YYYY-MM-DD` day or a `YYYY` year, never a word like `undated`.
 */

export interface FrbrUri {
  /** ISO 3166-1 alpha-2, lower case (`cn`). */
  country: string
  /** ISO 3166-2 subdivision after the country, or null. */
  locality: string | null
  /** The AKN document element (`statement`). */
  doctype: string
  /** `statement/@name` (`jointStatement`), or null. */
  subtype: string | null
  actor: string | null
  /** `YYYY-MM-DD` or `YYYY`. */
  date: string
  /** `cn-az`, `cn-az-2`, `nn`. */
  number: string
  /** ISO 639-2/T (`zho`) for an Expression, else null. */
  language: string | null
  /** The version after `@` (empty for the original), null when there is no `@`. */
  expressionDate: string | null
  /** `main` for `/!main`, else null. */
  component: string | null
  /** The eId after `~`, or null. */
  portion: string | null
  /** `akn`, `xml`, `pdf` after the dot, or null. */
  format: string | null
}

const PATTERN = new RegExp(
  [
    '^/akn',
    '/(?<country>[a-z]{2})(?:-(?<locality>[^/]+))?',
    '/(?<doctype>[^/]+)',
    '(?:/(?<subtype>[^0-9/][^/]*))?',
    '(?:/(?<actor>[^0-9/][^/]*))?',
    '/(?<date>[0-9]{4}(?:-[0-9]{2}-[0-9]{2})?)',
    '/(?<number>[^/~.!@]+)',
    '(?:/(?<language>[a-z]{3})(?:@(?<expressionDate>[^/~.!]*))?)?',
    '(?:/!(?<component>[^/~.]+))?',
    '(?:~(?<portion>[^/.]+))?',
    '(?:\\.(?<format>[a-z0-9]+))?$'
  ].join('')
)

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a `YYYY-MM-DD` naming a real day (what `xsd:date` accepts). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year === 0 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parses any FRBR URI (Work, Expression, Manifestation, component, portion); throws a clear error otherwise. */
export function parseFrbrUri(uri: string): FrbrUri {
  const groups = PATTERN.exec(uri)?.groups
  if (!groups || (groups['date']!.length > 4 && !isCalendarDay(groups['date']!))) {
    throw new Error(`Not an FRBR URI: \`${uri}\`, expected /akn/{country}/{doctype}[/{subtype}]/{YYYY-MM-DD|YYYY}/{number}[/{lang}@]`)
  }
  const or = (key: string) => groups[key] ?? null
  return {
    country: groups['country']!,
    locality: or('locality'),
    doctype: groups['doctype']!,
    subtype: or('subtype'),
    actor: or('actor'),
    date: groups['date']!,
    number: groups['number']!,
    language: or('language'),
    expressionDate: or('expressionDate'),
    component: or('component'),
    portion: or('portion'),
    format: or('format')
  }
}

export type WorkParts = Pick<FrbrUri, 'country' | 'doctype' | 'date' | 'number'> & Partial<Pick<FrbrUri, 'locality' | 'subtype' | 'actor'>>

/** Checks the parts and returns the Work as a structure (no expression, component or format). */
export function buildFrbrUri(parts: WorkParts): FrbrUri {
  const uri: FrbrUri = {
    country: parts.country,
    locality: parts.locality ?? null,
    doctype: parts.doctype,
    subtype: parts.subtype ?? null,
    actor: parts.actor ?? null,
    date: parts.date,
    number: parts.number,
    language: null,
    expressionDate: null,
    component: null,
    portion: null,
    format: null
  }
  // Round trip: a part that would not parse back (a slash in the number, a word for a date) is refused here.
  parseFrbrUri(workUri(uri))
  return uri
}

/** `/akn/cn/statement/jointStatement/1994-03-07/cn-az` */
export function workUri(uri: FrbrUri): string {
  const country = uri.locality === null ? uri.country : `${uri.country}-${uri.locality}`
  const parts = ['', 'akn', country, uri.doctype]
  if (uri.subtype !== null) parts.push(uri.subtype)
  if (uri.actor !== null) parts.push(uri.actor)
  parts.push(uri.date, uri.number)
  return parts.join('/')
}

/** `…/zho@` (an original, never versioned: `@` with no version, NC §4.6). */
export function expressionUri(uri: FrbrUri, language = uri.language ?? 'und'): string {
  return `${workUri(uri)}/${language}@${uri.expressionDate ?? ''}`
}

/** `…/zho@.akn`, or with a component `…/zho@/!main.xml`. */
export function manifestationUri(uri: FrbrUri, format: string, language?: string, component: string | null = null): string {
  return `${expressionUri(uri, language)}${component === null ? '' : `/!${component}`}.${format}`
}

/** The Work of any FRBR URI (drops language, component, portion and format). */
export function toWork(uri: FrbrUri): FrbrUri {
  return {...uri, language: null, expressionDate: null, component: null, portion: null, format: null}
}
