import { describe, expect, it } from "vitest";
import { ConsulError } from "./consul/errors";
import { DomainError } from "./errors";
import { HttpError } from "./http/http-error";

describe("errors recognised across route bundles", () => {
  it("an error from another copy of the class (same global brand) is an instance", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("consul-dashboard.domain-error")]: true, kind: "not_found" });
    expect(foreign instanceof DomainError).toBe(true);
    const consul = Object.assign(new Error("y"), { [Symbol.for("consul-dashboard.consul-error")]: true, kind: "http" });
    expect(consul instanceof ConsulError).toBe(true);
    expect(consul instanceof DomainError).toBe(false);
  });

  it("subclasses keep the ordinary check", () => {
    expect(new HttpError("conflict", "c") instanceof HttpError).toBe(true);
    expect(new DomainError("conflict", "c") instanceof HttpError).toBe(false);
    expect(new HttpError("conflict", "c") instanceof DomainError).toBe(true);
    expect(new Error("plain") instanceof DomainError).toBe(false);
  });
});
