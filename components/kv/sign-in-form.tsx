"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { callApi } from "@/components/data/call-api";
import { Button, ErrorText, Notice } from "./kv-ui";

/** The token goes to our server once; it comes back only as an httpOnly cookie page scripts cannot read. */
export function SignInForm({ signedInAs }: { signedInAs: string | null }) {
  const router = useRouter();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await callApi("/api/auth/sign-in", z.object({ signedIn: z.literal(true) }), { method: "POST", json: { token } });
      setToken("");
      router.push("/kv");
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
        AccessorID. Without signing in, the dashboard uses the server&apos;s token.
      </p>
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
            type="password"
            autoComplete="off"
            aria-label="Consul token"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            className="mt-1 block w-full rounded border px-2 py-1 font-mono"
          />
        </label>
        <Button tone="primary" type="submit" disabled={busy || token.trim() === ""}>
          Sign in
        </Button>
      </form>
      {error && <ErrorText>{error}</ErrorText>}
    </main>
  );
}
