/** Types for first-frame-scripts.mjs (a plain module, so `npm start` needs no TypeScript). */
export declare function rewritesPath(pathname: string): boolean;
export declare function loaderScript(srcs: readonly string[], nonce: string): string;
export interface Rewriter {
  push(chunk: string): string;
  end(): string;
  readonly moved: string[];
}
export declare function createRewriter(): Rewriter;
