/**
 * `JSON.stringify({...head, [key]: items}, null, 2) + '\n'`, piece by piece:
 * an archive's index and manifest (tens of thousands of entries) are written
 * without ever being one string. The bytes are those of `JSON.stringify`.
 */
export function* jsonWithList(head: Readonly<Record<string, unknown>>, key: string, items: Iterable<unknown>): Generator<string> {
  // An array index as a key would be ordered first, not last.
  if (/^(?:0|[1-9]\d*)$/.test(key)) throw new Error(`jsonWithList: the key ${JSON.stringify(key)} is not written last`)
  const opening = JSON.stringify({...head, [key]: []}, null, 2)
  // `…"key": []\n}`: the list opens where its brackets are.
  const at = opening.length - 4
  let first = true
  for (const item of items) {
    const text = JSON.stringify(item, null, 2)
    // JSON.stringify leaves out what has no JSON form, inside the list as `null`.
    const value = text === undefined ? 'null' : text.replace(/\n/g, '\n    ')
    yield first ? `${opening.slice(0, at)}[\n    ${value}` : `,\n    ${value}`
    first = false
  }
  yield first ? opening + '\n' : `\n  ${opening.slice(at + 1)}\n`
}
