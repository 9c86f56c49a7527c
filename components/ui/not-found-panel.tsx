import Link from "next/link";

/** A 404 page's body: what was not found, why, and the way back. */
export function NotFoundPanel({ title, message, backHref = "/", backLabel = "Back to the overview" }: { title: string; message: string; backHref?: string; backLabel?: string }) {
  return (
    <main className="mx-auto max-w-3xl space-y-3 p-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-fg-soft">{message}</p>
      <p>
        <Link className="text-link underline" href={backHref}>
          {backLabel}
        </Link>
      </p>
    </main>
  );
}
