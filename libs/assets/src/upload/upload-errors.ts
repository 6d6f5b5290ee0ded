import { BadUserInputError, DomainError, ErrorCode } from '@taawoun/core';

/** An upload past ASSET_MAX_BYTES: HTTP 413, answered as soon as the limit is crossed. */
export class PayloadTooLargeError extends DomainError {
  readonly code = ErrorCode.PAYLOAD_TOO_LARGE;
  constructor(maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.extensions.maxBytes = maxBytes;
  }
}

/** A refused file: BAD_USER_INPUT on the `file` field, saying why. */
export function refusedFile(reason: string): BadUserInputError {
  return BadUserInputError.field('file', reason);
}
