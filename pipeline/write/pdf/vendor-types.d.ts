/** Types for `linebreak` (UAX #14 line breaking, the package pdfkit uses), which ships none. */
declare module 'linebreak' {
  interface Break {
    /** Offset (UTF-16) where a line may start. */
    position: number
    /** A mandatory break (after a newline). */
    required: boolean
  }
  export default class LineBreaker {
    constructor(text: string)
    nextBreak(): Break | null
  }
}
