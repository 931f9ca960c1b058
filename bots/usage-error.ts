/** Bad input or usage: the CLI prints the message on one line and exits 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
