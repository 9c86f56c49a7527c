import { describe, expect, it } from "vitest";
import { describeError } from "./errors";

describe("describeError", () => {
  it("answers a request the client cancelled as cancelled, not as an unknown internal error", () => {
    const err = new DOMException("This operation was aborted", "AbortError");
    expect(describeError(err)).toMatchObject({ status: 500, kind: "internal", message: "The request was cancelled" });
  });

  it("hides an unknown error behind a generic message", () => {
    expect(describeError(new Error("secret detail"))).toMatchObject({ status: 500, kind: "internal", message: "Internal error; see the dashboard server's log" });
  });
});
