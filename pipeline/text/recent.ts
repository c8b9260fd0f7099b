/**
 * The answers to the last few texts asked about, for the questions the
 * segmenter asks of one block several ways (its features, a cell, a title, a
 * date line). Every caller shares an answer, so `compute` returns it frozen.
 * Before any question, each slot answers the empty text with `empty`.
 */
export function rememberRecent<T>(compute: (text: string) => T, empty: T, size = 2): (text: string) => T {
  const texts: string[] = new Array<string>(size).fill('')
  const answers: T[] = new Array<T>(size).fill(empty)
  let next = 0
  return (text) => {
    for (let i = 0; i < size; i++) if (texts[i] === text) return answers[i]!
    const answer = compute(text)
    texts[next] = text
    answers[next] = answer
    next = (next + 1) % size
    return answer
  }
}
