/**
 * The document tree: the one place where readers and writers meet.
 *
 * It is a unist tree (https://github.com/syntax-tree/unist). Readers (the
 * read → clean → segment → enrich → link stages) produce it; writers (JSON,
 * Markdown, Akoma Ntoso, PDF) consume it and nothing else.
 *
 * Every node carries `position`, whose offsets index the *decoded* input text
 * (`file.value`). The byte offset of any character is `SourceText.byteOffset`.
 *
 * Leaves are `text` and `num`. Their positions are disjoint: together with the
 * recorded removals, the metadata spans and layout whitespace they cover each
 * input character exactly once (tested by `test/nothing-lost.test.ts`).
 * A leaf's `value` is the cleaned text; it may differ from the source slice
 * (letter-spaced names are closed up, ASCII punctuation is widened), which is
 * why the position, not the value, is the link back to the bytes.
 */
import type {Position} from 'unist'

export const TREE_VERSION = '1.0.0'

// ---------------------------------------------------------------- leaves

/** Running text as cleaned. */
export interface Text {
  type: 'text'
  value: string
  position: Position
  /** Stage-internal (cleaned offsets until `enrich` is done); writers ignore it. */
  data?: {clean?: [number, number]}
}

/** A number as printed: `一、`, `第一条`, `（三）`, `1.`. */
export interface Num {
  type: 'num'
  value: string
  position: Position
  /**
   * When a removal lies inside the number (`第四[复制链接]条`), the source ranges
   * its characters came from; `position` spans them all, removal included.
   */
  data?: {pieces: Array<[number, number]>}
}

// ---------------------------------------------------------------- inline

/** A full calendar date recognised in the text. */
export interface DateMark {
  type: 'date'
  /** ISO 8601 `YYYY-MM-DD`. */
  iso: string
  /** For a range (`三月七日至十日`): the ISO end date. */
  isoEnd?: string
  children: Text[]
  position: Position
}

/**
 * A person, role, organisation or place referred to. Marks with the same `ref`
 * name the same entity (`盖阿利耶夫` and `盖·阿利耶夫`), in every document of a batch.
 */
export interface EntityMark {
  type: 'person' | 'role' | 'organization' | 'location'
  /** Stable ASCII id, usable as an XML id (`jiangZemin`, `cnPresident`, `beijing`). */
  ref: string
  /** NC §4.11 ontology href, e.g. `/akn/ontology/person/cn.jiangZemin`. */
  href: string
  /** Canonical form shown (`盖·阿利耶夫`). */
  showAs: string
  children: Text[]
  position: Position
}

/** A title in 《…》. `target` is the Work URI of the cited document when it is in the batch. */
export interface Citation {
  type: 'citation'
  /** The title without the brackets. */
  title: string
  target: string | null
  children: Text[]
  position: Position
}

export type Inline = Text | DateMark | EntityMark | Citation

// ---------------------------------------------------------------- blocks

/** A paragraph of running text. `role` says what a preamble paragraph is. */
export interface Paragraph {
  type: 'paragraph'
  /** `enactingFormula` for `双方声明如下：` and its kin. */
  role?: 'enactingFormula' | 'closing' | 'note'
  children: Inline[]
  position: Position
}

/** Numbered division: article (一、/第一条), point ((一)/1./（1）/甲、), chapter (第一章). */
export interface Division {
  type: 'article' | 'point' | 'chapter'
  /** The number as an integer (一 → 1, 第十二条 → 12, 乙 → 2). */
  ordinal: number
  /** Numbering style id from `rules/numbering.ts` (e.g. `dun-hanzi`, `tiao`, `paren-hanzi`). */
  style: string
  /** First child is always the printed number; a chapter may carry a heading paragraph next. */
  children: [Num, ...Array<Paragraph | Division>]
  position: Position
}

/** A signatory: role(s) and name, as set in the signature block. */
export interface Signature {
  type: 'signature'
  /** The state or body signed for, as printed (`中华人民共和国`), or null. */
  party: string | null
  /** ISO 3166-1 alpha-2 of the party, lower case, when known. */
  partyCode: string | null
  /** Role as printed, fragments of one role joined, separate roles joined by a space. */
  role: string | null
  /** Name closed up (`江泽民`), or null when only the role is printed. */
  name: string | null
  /** Name as printed (`江　泽　民`). */
  nameRaw: string | null
  /** `role` and `person` marks, and the printed `（签字）` as text. */
  children: Array<EntityMark | Text>
  position: Position
}

/** The signing date and place line under the signatures. */
export interface Signing {
  type: 'signing'
  children: Inline[]
  position: Position
}

export interface Signatures {
  type: 'signatures'
  children: Array<Signature | Signing>
  position: Position
}

// ---------------------------------------------------------------- sections

export interface Title {
  type: 'title'
  children: Inline[]
  position: Position
}

export interface Preface {
  type: 'preface'
  children: Array<Title | Paragraph>
  position: Position
}

export interface Preamble {
  type: 'preamble'
  children: Paragraph[]
  position: Position
}

export interface Body {
  type: 'body'
  children: Array<Division | Paragraph>
  position: Position
}

export interface Conclusions {
  type: 'conclusions'
  children: Array<Paragraph | Signatures>
  position: Position
}

export type Section = Preface | Preamble | Body | Conclusions

// ---------------------------------------------------------------- metadata

/** Where a date value came from. */
export type DateSource =
  | 'text' // printed in the document (signing line, concluding clause)
  | 'stamp' // a page or database stamp
  | 'citation' // another document of the batch cites this one with its date
  | 'visit' // first day of the visit in the preamble
  | 'publication' // the page stamp, used as a last resort for the work date
  | 'printed' // the latest full date printed in the text (no signing line, citation or visit)
  | 'conversion' // nothing dates the work: the conversion's date (frbr/conversion-date.ts), with a warning

export interface DateFact {
  /** ISO `YYYY-MM-DD`. */
  value: string
  source: DateSource
  /** The printed form it came from. */
  text: string
  /** Offsets into the decoded input of the printed form (in another document for citations). */
  start: number
  end: number
  /** For `citation`: the Work URI of the citing document. */
  from?: string
}

/** A span of the input kept as metadata, not as content (page stamps, database stamps). */
export interface MetaSpan {
  /** `signedPlace`: a database's place of signing (`签订地点`); its `value` is null, its `text` the place. */
  kind: 'publicationDate' | 'signedDate' | 'effectiveDate' | 'signedPlace'
  text: string
  value: string | null
  start: number
  end: number
}

/** A span of the input removed by a cleaning rule. */
export interface Removal {
  rule: string
  text: string
  start: number
  end: number
}

export interface Party {
  name: string
  code: string | null
}

export interface DocumentMeta {
  /** FRBR Work URI, e.g. `/akn/cn/statement/jointStatement/1994-03-07/cn-az`. */
  id: string
  /** AKN `statement/@name` from `rules/doc-types.ts`: `jointStatement`, `treaty`, … or `document`. */
  docType: string
  /** The family word as printed in the title (`联合声明`), or null. */
  docTypeLabel: string | null
  title: string
  /** BCP 47: `zh-Hans`, `zh-Hant`, `en`. */
  language: string
  dates: {
    signed: DateFact | null
    published: DateFact | null
    effective: DateFact | null
    /** The date used in the Work URI and its provenance. */
    work: DateFact | null
  }
  place: string | null
  parties: Party[]
  /** The stem for output files, unique in the batch (`1994-03-07_cn-az_jointStatement`). */
  slug: string
  stamps: MetaSpan[]
  removed: Removal[]
  /** The page cut the document short (it stops mid-sentence, or a lead says only part of it follows); set by `segment`. */
  truncated?: boolean
  source: {
    file: string
    sha256: string
    encoding: string
    /** Offsets into the decoded input; the document owns [start, end). */
    start: number
    end: number
    byteStart: number
    byteEnd: number
  }
}

export interface Document {
  type: 'document'
  meta: DocumentMeta
  children: Section[]
  position: Position
}

// ---------------------------------------------------------------- root

/** One input file: the documents found in it, in input order. */
export interface Root {
  type: 'root'
  children: Document[]
  position?: Position
}

export type Block = Paragraph | Division | Signatures | Signature | Signing | Title
export type AnyNode = Root | Document | Section | Block | Inline | Num
