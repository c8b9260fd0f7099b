/**
 * Fixed vocabulary of the Akoma Ntoso writer: namespaces, the document-type
 * names allowed on `<statement name>`, language codes and the provenance names
 * of `FRBRdate`. Everything the writer prints that is not text of the document
 * comes from here or from the FRBR Work URI (see `meta.ts`).
 */
import type {DateSource} from '../../tree/types.js'

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'
/** Namespace of the pipeline's own metadata inside `<proprietary>`. */
export const DIPTEXT_NAMESPACE = 'urn:diptext:meta:1'

/** The fixed XML declaration every file starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/**
 * `statement/@name` is the document type of the tree (`rules/doc-types.ts`: `jointStatement`,
 * `jointCommunique`, `pressCommunique`, `treaty`, … see notes/akn.md §0). A value that is not an
 * ASCII camelCase name is written as `document`.
 */
export const UNKNOWN_STATEMENT_NAME = 'document'

/** Types whose text binds the parties (`FRBRprescriptive`). A statement or communiqué does not. */
export const PRESCRIPTIVE_NAMES: ReadonlySet<string> = new Set(['treaty', 'agreement', 'protocol', 'exchangeOfNotes', 'exchangeOfLetters'])

export {languageCode, statementName} from '../../frbr/vocabulary.js'

/** `FRBRdate/@name` for the provenance of the work date (notes/akn.md §0). */
export function dateProvenanceName(source: DateSource): string {
  switch (source) {
    case 'text':
      return 'signature'
    case 'citation':
      return 'citation'
    case 'visit':
      return 'visit'
    case 'printed':
      return 'printed'
    case 'stamp':
    case 'publication':
      return 'publication'
    case 'conversion':
      return 'conversion'
  }
}

/** TLC element name per entity mark type. */
export const TLC_ELEMENT = {
  person: 'TLCPerson',
  role: 'TLCRole',
  organization: 'TLCOrganization',
  location: 'TLCLocation'
} as const

/** The `eId` abbreviations of NC §5.4 for the elements that carry one. */
export const EID_ABBREVIATION: Readonly<Record<string, string>> = {
  article: 'art',
  chapter: 'chp',
  paragraph: 'para',
  point: 'point',
  p: 'p',
  blockContainer: 'blockContainer',
  formula: 'formula',
  list: 'list',
  blockList: 'list'
}
