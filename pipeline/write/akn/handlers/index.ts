/**
 * The handler registry: one handler per node type of the tree. A handler
 * writes its node as children of the given element and calls `state.all` for
 * the node's children.
 */
import type {Handlers} from '../state.js'
import {body} from './body.js'
import {conclusions} from './conclusions.js'
import {division} from './division.js'
import {document} from './document.js'
import {citation, date, entity, num, text} from './inline.js'
import {paragraph} from './paragraph.js'
import {preamble} from './preamble.js'
import {preface} from './preface.js'
import {signature, signatures, signing} from './signatures.js'
import {title} from './title.js'

export const handlers: Handlers = {
  document,
  preface,
  preamble,
  body,
  conclusions,
  title,
  paragraph,
  article: division,
  point: division,
  chapter: division,
  signatures,
  signature,
  signing,
  text,
  num,
  date,
  person: entity,
  role: entity,
  organization: entity,
  location: entity,
  citation
}
