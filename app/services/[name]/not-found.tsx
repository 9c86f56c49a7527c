import Link from "next/link";

export default function ServiceNotFound() {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-bold">Service not found</h1>
      <p className="mt-2 text-fg-soft">No service of this name is registered in this datacenter of Consul.</p>
      <p className="mt-4">
        <Link className="text-link underline" href="/">
          Back to the overview
        </Link>
      </p>
    </main>
  );
}
