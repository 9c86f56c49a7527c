import "server-only";
import { HttpError } from "../http/http-error";

/** Decodes a base64 value from the browser; never re-encodes it as text. */
export function decodeValue(b64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    throw new HttpError("bad_request", "value must be standard base64.");
  }
  return Buffer.from(b64, "base64");
}
