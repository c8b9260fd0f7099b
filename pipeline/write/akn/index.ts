/**
 * The Akoma Ntoso 3.0 writer: one `<akomaNtoso><statement>` file per document.
 *
 * Passes, each in its own module:
 * 1. handlers (`handlers/*.ts`, one per node type) build a light element tree
 *    (`element.ts`), each append one `push`, so the writer is linear in the document;
 * 2. `meta.ts` builds `<meta>` from the FRBR Work URI and the collected references;
 * 3. `eid.ts` assigns every structural eId in one post-pass;
 * 4. `serialize.ts` writes a fixed declaration and the tree with the bytes xmldom's
 *    serializer would, indenting element-only content (`format.ts`, never mixed content).
 * Validation against the XSD is separate: `pipeline/validate/akn-schema.ts`.
 */
import type {Document} from '../../tree/types.js'
import type {WriteContext, Writer} from '../types.js'
import {assignEids, childElements} from './eid.js'
import {handlers} from './handlers/index.js'
import type {XmlElement} from './element.js'
import {serialize, serializeToBytes} from './serialize.js'
import {boundDepth} from '../bounded-depth.js'
import {createState} from './state.js'

export {frbrUris, parseWorkUri} from './meta.js'

/** Writes one document of the tree as an Akoma Ntoso XML string. */
export function toAkn(input: Document, context: WriteContext | null = null): string {
  return serialize(build(input, context))
}

/** The element tree of one document, eIds assigned. */
function build(input: Document, context: WriteContext | null): XmlElement {
  const doc = boundDepth(input, context)
  const state = createState(doc, handlers, context)
  state.handle(doc, state.root)
  for (const statement of childElements(state.root)) assignEids(statement)
  return state.root
}

export const aknWriter: Writer = {
  name: 'akn',
  directory: 'akn',
  extension: '.xml',
  mediaType: 'application/akn+xml',
  write(doc, context) {
    return serializeToBytes(build(doc, context))
  }
}
