/**
 * The references registry: every person, role, organisation and place a
 * document refers to, deduplicated by `ref`, in order of first mention.
 * Inline elements get `refersTo="#<eId>"` from here; `meta.ts` writes one
 * `TLC*` entry per record, so every `refersTo`/`as` has a target.
 */
import {toText} from '../../tree/text.js'
import type {EntityMark} from '../../tree/types.js'
import {tlcEid} from './eid.js'

export interface TlcEntry {
  kind: EntityMark['type']
  eId: string
  ref: string
  href: string
  showAs: string
}

/** eIds written by `meta.ts` itself; TLC eIds never take them. */
export const RESERVED_META_EIDS = ['original', 'pipeline', 'signing'] as const

export class TlcRegistry {
  readonly #byRef = new Map<string, TlcEntry>()
  readonly #taken = new Set<string>(RESERVED_META_EIDS)

  /** Registers the mark's entity (first mention wins) and returns its eId. */
  register(mark: EntityMark): string {
    const known = this.#byRef.get(mark.ref)
    if (known) return known.eId
    const eId = tlcEid(mark.ref, this.#taken)
    this.#taken.add(eId)
    const entry: TlcEntry = {
      kind: mark.type,
      eId,
      ref: mark.ref,
      href: mark.href === '' ? `/akn/ontology/${mark.type}/${eId}` : mark.href,
      showAs: mark.showAs === '' ? toText(mark) : mark.showAs
    }
    this.#byRef.set(mark.ref, entry)
    return eId
  }

  /** Entries grouped person, role, organisation, location; first mention first within a group. */
  entries(): TlcEntry[] {
    const order: Array<EntityMark['type']> = ['person', 'role', 'organization', 'location']
    const all = [...this.#byRef.values()]
    return order.flatMap((kind) => all.filter((entry) => entry.kind === kind))
  }
}
