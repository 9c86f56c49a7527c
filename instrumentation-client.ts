import { z } from "zod";

// Runs in the browser before the app's modules. Zod compiles object parsers with
// `new Function` when it may, and probes for that the first time a schema is built;
// under our Content-Security-Policy (no 'unsafe-eval') the probe is a CSP violation.
// Without eval Zod parses just as correctly.
z.config({ jitless: true });
