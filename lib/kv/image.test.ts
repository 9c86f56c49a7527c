import { describe, expect, it } from "vitest";
import { sniffImage } from "./image";

const b = (...n: number[]) => Uint8Array.from(n);
const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe("sniffImage", () => {
  it("knows PNG, JPEG, GIF and WebP by their magic bytes", () => {
    expect(sniffImage(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe("image/png");
    expect(sniffImage(b(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffImage(ascii("GIF89a..."))).toBe("image/gif");
    expect(sniffImage(ascii("GIF87a..."))).toBe("image/gif");
    expect(sniffImage(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
  });
  it("says null for anything else, short input included", () => {
    expect(sniffImage(b())).toBeNull();
    expect(sniffImage(b(0x89, 0x50))).toBeNull();
    expect(sniffImage(ascii("GIF88a"))).toBeNull();
    expect(sniffImage(ascii("RIFF\u0000\u0000\u0000\u0000WAVE"))).toBeNull();
    expect(sniffImage(ascii('{"a":1}'))).toBeNull();
  });
});
