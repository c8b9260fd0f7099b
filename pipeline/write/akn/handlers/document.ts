/**
 * `document` → `<statement name="…">` with its sections in the order the XSD
 * requires (preface, preamble, mainBody, conclusions), then `<meta>` in front,
 * built last so that it sees every reference of the body.
 */
import type {Document, Section} from '../../../tree/types.js'
import {buildMeta} from '../meta.js'
import type {Handler} from '../state.js'
import {statementName} from '../vocabulary.js'

const SECTION_ORDER: Readonly<Record<Section['type'], number>> = {preface: 0, preamble: 1, body: 2, conclusions: 3}

export const document: Handler<Document> = (node, parent, state) => {
  const statement = state.append(parent, 'statement', [['name', statementName(node.meta.docType)]])
  const sections = [...node.children].sort((a, b) => SECTION_ORDER[a.type] - SECTION_ORDER[b.type])
  // `mainBody` is required: a document with no body gets an empty one (`<p/>`), never none.
  if (!sections.some((section) => section.type === 'body')) {
    const index = sections.findIndex((section) => section.type === 'conclusions')
    const body: Section = {type: 'body', children: [], position: node.position}
    sections.splice(index === -1 ? sections.length : index, 0, body)
  }
  state.all(sections, statement)
  statement.prepend(buildMeta(state))
}
