import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl space-y-3 p-6">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-fg-soft">There is no page at this address.</p>
      <p>
        <Link className="text-link underline" href="/">
          Back to the overview
        </Link>
      </p>
    </main>
  );
}
