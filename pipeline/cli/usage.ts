/** A bad command line, option value or config file: reported on one line, exit code 2. */
export class UsageError extends Error {}
