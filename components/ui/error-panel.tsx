import Link from "next/link";

/** A specific, readable failure, with a way back. */
export function ErrorPanel({ title, message, backHref }: { title: string; message: string; backHref?: string }) {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <div role="alert" className="rounded border border-status-down bg-danger-soft p-4 text-status-down">
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="mt-1 whitespace-pre-wrap break-words text-fg">{message}</p>
      </div>
      {backHref && (
        <p className="mt-4">
          <Link className="text-link underline" href={backHref}>
            Back to the overview
          </Link>
        </p>
      )}
    </main>
  );
}
