/** Types for document-rewrite.mjs (a plain module, so `npm start` needs no TypeScript). */
import type { IncomingMessage, RequestListener } from "node:http";
export declare function isRewrittenRequest(req: IncomingMessage): boolean;
export declare function withFirstFrameScripts(listener: RequestListener): RequestListener;
