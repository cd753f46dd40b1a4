/**
 * The one application error type. `status` is what the client gets; operational errors (bad
 * input, limits) are expected and logged quietly, the rest are bugs and logged with the stack.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get isOperational(): boolean {
    // "busy" is the service saying "try later" on purpose, not a bug.
    return this.status < 500 || this.code === 'busy';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const notFound = (message: string) => new AppError(404, 'not_found', message);
