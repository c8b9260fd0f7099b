import type {State} from '../state.js'
import type {Attributes} from '../state.js'

/** `xml:lang` for the four sections (not allowed on `statement`), from the tree's BCP 47 tag. */
export function sectionAttributes(state: State): Attributes {
  const language = state.tree.meta.language
  return /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(language) ? [['xml:lang', language]] : []
}
