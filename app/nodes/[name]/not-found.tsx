import Link from "next/link";

export default function NodeNotFound() {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-bold">Node not found</h1>
      <p className="mt-2 text-fg-soft">No node of this name is registered in this datacenter of Consul.</p>
      <p className="mt-4">
        <Link className="underline" href="/nodes">
          Back to the nodes
        </Link>
      </p>
    </main>
  );
}
