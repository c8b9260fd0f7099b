/**
 * The Akoma Ntoso 3.0 writer: one `<akomaNtoso><statement>` file per document.
 *
 * Passes, each in its own module:
 * 1. handlers (`handlers/*.ts`, one per node type) build the DOM with xmldom;
 * 2. `meta.ts` builds `<meta>` from the FRBR Work URI and the collected references;
 * 3. `eid.ts` assigns every structural eId in one post-pass;
 * 4. `format.ts` indents element-only content (never mixed content);
 * 5. `serialize.ts` writes a fixed declaration and the DOM.
 * Validation against the XSD is separate: `pipeline/validate/akn-schema.ts`.
 */
import type {Document} from '../../tree/types.js'
import type {WriteContext, Writer} from '../types.js'
import {assignEids, childElements} from './eid.js'
import {indent} from './format.js'
import {handlers} from './handlers/index.js'
import {serialize} from './serialize.js'
import {boundDepth} from '../bounded-depth.js'
import {createState} from './state.js'

export {frbrUris, parseWorkUri} from './meta.js'

/** Writes one document of the tree as an Akoma Ntoso XML string. */
export function toAkn(input: Document, context: WriteContext | null = null): string {
  const doc = boundDepth(input, context)
  const state = createState(doc, handlers, context)
  const root = state.xml.documentElement
  if (!root) throw new Error('xmldom created no document element')
  state.handle(doc, root)
  for (const statement of childElements(root)) assignEids(statement, state.ordinals)
  indent(root)
  return serialize(state.xml)
}

export const aknWriter: Writer = {
  name: 'akn',
  directory: 'akn',
  extension: '.xml',
  mediaType: 'application/akn+xml',
  write(doc, context) {
    return new TextEncoder().encode(toAkn(doc, context))
  }
}
