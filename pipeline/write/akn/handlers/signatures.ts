/**
 * The signature block:
 * `signatures` → `<blockContainer class="signatures">`,
 * `signature`  → `<p><signature><role refersTo/> <person refersTo as/>（签字）</signature></p>`
 *                (`signature` is inline, so it must sit in a `p`),
 * `signing`    → `<p class="signing"><date date/><location refersTo/></p>`.
 */
import type {Signature, Signatures, Signing} from '../../../tree/types.js'
import type {Handler} from '../state.js'

export const signatures: Handler<Signatures> = (node, parent, state) => {
  if (node.children.length === 0) return
  const el = state.append(parent, 'blockContainer', [['class', 'signatures']])
  state.all(node.children, el)
}

export const signature: Handler<Signature> = (node, parent, state) => {
  const p = state.append(parent, 'p')
  const el = state.append(p, 'signature')
  const role = node.children.find((child) => child.type === 'role')
  const previous = state.signatureRole
  // The signatory acts as the role of this signature: `person/@as` points at it.
  state.signatureRole = role && role.type === 'role' ? state.tlc.register(role) : null
  try {
    state.all(node.children, el)
  } finally {
    state.signatureRole = previous
  }
}

export const signing: Handler<Signing> = (node, parent, state) => {
  const p = state.append(parent, 'p', [['class', 'signing']])
  state.all(node.children, p)
}
