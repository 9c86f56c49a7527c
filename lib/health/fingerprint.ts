/**
 * A 64-bit fingerprint of a string, with its length: two 32-bit multiply-xor lanes, each
 * mixed at the end. For change detection between rounds (does a service's instance list
 * read the same as last time?), where keeping the JSON itself cost tens of megabytes at
 * 100,000 instances. Not for security: nobody chooses these strings to collide.
 */
export function fingerprint(s: string): string {
  let a = 0x811c9dc5 ^ s.length;
  let b = 0x2545f491;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x9e3779b1);
    b = Math.imul(b ^ c, 0x85ebca77);
  }
  a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d);
  a = Math.imul(a ^ (a >>> 12), 0x297a2d39) ^ b;
  b = Math.imul(b ^ (b >>> 16), 0x27d4eb2f);
  b = Math.imul(b ^ (b >>> 13), 0x165667b1) ^ a;
  return `${s.length.toString(36)}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}
