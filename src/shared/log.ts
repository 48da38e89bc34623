/**
 * The logger methods casebot's layers call: a pino logger satisfies it, tests pass a fake. One
 * definition; a layer that needs fewer methods takes a `Pick` of it, so a fake only has to
 * implement what that layer calls.
 */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
