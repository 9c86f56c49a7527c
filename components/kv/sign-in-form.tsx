"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { callApi } from "@/components/data/call-api";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import { Button, ErrorText, Notice } from "./kv-ui";

interface SignInFormProps {
  signedInAs: string | null;
  /** Where to go once signed in (a path on this dashboard). */
  next: string;
  /** Why the last session ended, when it did. */
  endedMessage: string | null;
  readsNeedSignIn: boolean;
  /** Lifetime of a "keep me signed in on this display" session. */
  wallHours: number;
}

/**
 * The token goes to our server once; the browser gets back only a sealed session
 * cookie (HttpOnly, encrypted): never the token, in any form.
 */
export function SignInForm({ signedInAs, next, endedMessage, readsNeedSignIn, wallHours }: SignInFormProps) {
  const router = useRouter();
  const [token, setToken] = useState("");
  const [keepSignedIn, setKeepSignedIn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The form is in the server's HTML: what was typed or ticked before React hydrated it (a slow
  // phone) stays on screen, so it is taken over rather than left behind a disabled button.
  const tokenInput = useTypedBeforeHydration("", setToken);
  const keepInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (keepInput.current?.checked) setKeepSignedIn(true);
  }, []);

  async function signIn(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callApi("/api/auth/sign-in", z.object({ signedIn: z.literal(true) }), { method: "POST", json: { token, keepSignedIn } });
      setToken("");
      router.push(next);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    await callApi("/api/auth/sign-out", z.object({ signedIn: z.literal(false) }), { method: "POST" }).catch((err: Error) => setError(err.message));
    router.refresh();
  }

  return (
    <main className="mx-auto max-w-lg space-y-4 p-6">
      <h1 className="text-xl font-semibold">Sign in with a Consul token</h1>
      <p className="text-sm text-fg-soft">
        KV reads and writes then use your own ACL token, so Consul applies your permissions and the audit log names your token&apos;s
        AccessorID.{" "}
        {readsNeedSignIn
          ? "This dashboard shows Consul's data only to signed-in operators."
          : "Without signing in you see what the server's token sees, and cannot edit unless this dashboard allows it."}
      </p>
      {endedMessage && <Notice tone="warn">{endedMessage}</Notice>}
      {signedInAs && (
        <Notice tone="ok">
          Signed in as token <span className="font-mono">{signedInAs}</span>.{" "}
          <Button onClick={() => void signOut()}>Sign out</Button>
        </Notice>
      )}
      <form onSubmit={(e) => void signIn(e)} className="space-y-2">
        <label className="block text-sm">
          Token (SecretID)
          <input
            ref={tokenInput}
            type="password"
            autoComplete="off"
            aria-label="Consul token"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className="mt-1 block w-full rounded border px-2 py-1 font-mono"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input ref={keepInput} type="checkbox" checked={keepSignedIn} onChange={(e) => setKeepSignedIn(e.target.checked)} />
          Keep me signed in on this display (a wall screen: {wallHours} hours)
        </label>
        <Button tone="primary" type="submit" disabled={busy || token.trim() === ""}>
          Sign in
        </Button>
      </form>
      {error && <ErrorText>{error}</ErrorText>}
    </main>
  );
}
