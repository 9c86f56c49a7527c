"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { kvHref, parentFolder } from "@/lib/kv/key";
import { callApi } from "@/components/data/call-api";
import { Dialog } from "@/components/ui/dialog";
import { Button, ErrorText } from "./kv-ui";
import { kvKeys } from "./queries";
import { useAllKeys } from "./use-kv";

/** Recursive delete: shows how many keys go and needs the folder's name typed. */
export function KvDeleteFolder({ prefix }: { prefix: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const keys = useAllKeys(prefix, open);
  const router = useRouter();
  const qc = useQueryClient();
  const name = prefix.slice(0, -1);

  async function run() {
    setError(null);
    try {
      await callApi("/api/kv/folder", z.object({ deleted: z.number() }), { method: "DELETE", json: { prefix, confirm: typed } });
      void qc.invalidateQueries({ queryKey: kvKeys.all });
      router.push(kvHref(parentFolder(prefix), "folder"));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const count = keys.data?.keys.length;
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Delete the folder ${prefix}`}
      trigger={<Button tone="danger">Delete folder…</Button>}
    >
    <section aria-label="Delete folder" className="space-y-2 rounded border border-danger-line bg-danger-soft p-3 text-sm text-danger-fg">
      <p data-testid="delete-count">
        {count === undefined ? "Counting keys…" : `This deletes ${count} ${count === 1 ? "key" : "keys"} below “${prefix}”, at once.`}
      </p>
      <label className="block">
        Type <span className="font-mono font-semibold">{name}</span> to confirm
        <input aria-label="Confirm folder name" value={typed} onChange={(e) => setTyped(e.target.value)} className="mt-1 block w-full rounded border border-line-strong bg-canvas px-2 py-1 font-mono text-fg" />
      </label>
      <div className="flex gap-2">
        <Button tone="danger" disabled={typed !== name} onClick={() => void run()}>
          Delete {count ?? ""} keys
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
      {error && <ErrorText>{error}</ErrorText>}
    </section>
    </Dialog>
  );
}
