/**
 * UTF-8 bytes of a writer's text, the bytes `new TextEncoder().encode` gives.
 * Node's `encode` of a text with CJK in it costs about twice `encodeInto` plus
 * a copy, so texts are encoded into one reused buffer and copied out; texts too
 * long to be worth keeping a buffer for are encoded directly.
 */
const encoder = new TextEncoder()
/** The largest buffer kept between calls (bytes). */
const KEEP = 1 << 20
let scratch = new Uint8Array(1 << 16)

/** `text` in UTF-8, followed by `suffix` (ASCII, such as a final line break). */
export function utf8(text: string, suffix = ''): Uint8Array {
  // At most three bytes per UTF-16 code unit (a surrogate pair is four bytes for two units).
  const most = (text.length + suffix.length) * 3
  if (most > KEEP) return encoder.encode(text + suffix)
  if (scratch.length < most) scratch = new Uint8Array(Math.min(KEEP, Math.max(most, scratch.length * 2)))
  const {written} = encoder.encodeInto(text, scratch)
  let end = written
  for (let i = 0; i < suffix.length; i++) scratch[end++] = suffix.charCodeAt(i)
  return scratch.slice(0, end)
}
