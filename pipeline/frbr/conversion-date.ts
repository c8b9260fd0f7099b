/**
 * The date of a conversion, for `FRBRManifestation/FRBRdate name="transformation"`,
 * the PDF CreationDate and the attachments' dates. Never the clock:
 *
 * - `SOURCE_DATE_EPOCH` (reproducible-builds.org) when set; `make` sets it to the
 *   time of the last commit, so a build from one commit gives the same bytes;
 * - otherwise the release date of this version of diptext, `RELEASE_DATE`: the
 *   earliest day on which this code can have made the file, so never later than
 *   the truth, and the same on every machine.
 *
 * A document that nothing dates (no signing line, citation, visit, printed date
 * or page stamp) is dated by the release date (`FRBRdate name="conversion"`),
 * because the Naming Convention requires a date in every Work URI; not by
 * `SOURCE_DATE_EPOCH`, so that its URI does not change with every commit. The
 * `link` stage warns (`no-work-date`) when it does so.
 */

/** The day this version (package.json `version`) was released; update it with the version. */
export const RELEASE_DATE = '2026-12-01'

export interface ConversionDate {
  /** `YYYY-MM-DD` (UTC). */
  day: string
  instant: Date
  /** Where the date comes from: `SOURCE_DATE_EPOCH` or the release date. */
  from: 'epoch' | 'release'
}

export function conversionDate(sourceDateEpoch: number | null): ConversionDate {
  if (sourceDateEpoch !== null) {
    const instant = new Date(sourceDateEpoch * 1000)
    return {day: instant.toISOString().slice(0, 10), instant, from: 'epoch'}
  }
  return {day: RELEASE_DATE, instant: new Date(RELEASE_DATE + 'T00:00:00Z'), from: 'release'}
}
